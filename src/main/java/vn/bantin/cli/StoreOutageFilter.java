package vn.bantin.cli;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps Quartz's and HikariCP's stack traces for a database that cannot be reached out of serve's output: that is an
 * expected condition, which {@link StoreWatch} reports in one sentence when it starts and when it ends. Any other
 * error of theirs is logged as before. Configured in logback.xml.
 */
public final class StoreOutageFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        String name = logger.getName();
        if (!name.startsWith("org.quartz") && !name.startsWith("com.zaxxer.hikari")) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        if (unreachable(thrown) || (format != null && format.contains("Failed to validate connection"))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** A connection that could not be had or was lost: SQL state class 08, an admin shutdown (57P), a refused database. */
    static boolean unreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException e && e.getSQLState() != null) {
                String state = e.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("55000") || state.equals("3D000")) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
