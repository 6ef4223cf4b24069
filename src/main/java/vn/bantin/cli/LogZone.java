package vn.bantin.cli;

import java.net.URL;
import java.time.ZoneId;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;

/**
 * Puts the log's times in the configured zone ({@code time-zone}), the zone of everything else the program prints:
 * logback reads its configuration before the config folder is read, so it is read again with the zone as property
 * {@code bantin.zone} (logback.xml's {@code %d} uses it). Without logback (another SLF4J backend) nothing changes.
 */
final class LogZone {
    private static volatile ZoneId current;

    private LogZone() {
    }

    static synchronized void use(ZoneId zone) {
        if (zone.equals(current) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL xml = LogZone.class.getResource("/logback.xml");
        if (xml == null) {
            return;
        }
        context.reset();
        context.putProperty("bantin.zone", zone.getId());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(xml);
            current = zone;
        } catch (JoranException e) {
            // keeps logging as configured before; the zone is only a label of the times
            System.err.println("warning: the log keeps UTC times: " + e.getMessage());
        }
    }
}
