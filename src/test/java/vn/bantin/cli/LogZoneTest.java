package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log's times are in the configured zone, with their offset, as the times serve prints. */
class LogZoneTest {
    @Test
    void logTimesFollowTheConfiguredZone() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LogZone.use(ZoneId.of("Asia/Ho_Chi_Minh"));
            LoggerFactory.getLogger(LogZoneTest.class).warn("a line of the log");
            LogZone.use(ZoneId.of("UTC"));
            LoggerFactory.getLogger(LogZoneTest.class).warn("another line");
        } finally {
            System.setErr(stderr);
            LogZone.use(ZoneId.of("UTC"));
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.matches("(?s)\\d\\d:\\d\\d:\\d\\d \\+07:00 WARN .*a line of the log.*"), log);
        assertTrue(log.matches("(?s).*\\d\\d:\\d\\d:\\d\\d Z WARN .*another line.*"), log);
    }
}
