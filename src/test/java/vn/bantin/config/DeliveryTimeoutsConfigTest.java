package vn.bantin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP timeouts and the claim lease: defaults, and a lease that could let a second sender in is refused. */
class DeliveryTimeoutsConfigTest {
    @TempDir
    Path dir;

    private Settings load(String extra) throws IOException {
        Files.writeString(dir.resolve("bantin.properties"), "smtp.host=127.0.0.1\nsmtp.security=none\n" + extra, StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), dir.resolve("recipients.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return ConfigLoader.load(dir);
    }

    @Test
    void everyExchangeHasABoundByDefaultAndTheLeaseOutlastsAnAttempt() throws IOException {
        Settings s = load("");
        assertEquals(Duration.ofSeconds(15), s.mail().smtp().connectTimeout());
        assertEquals(Duration.ofMinutes(1), s.mail().smtp().timeout());
        assertEquals(Duration.ofMinutes(10), s.mail().smtp().dataTimeout());
        assertEquals(Duration.ofMinutes(15), s.mail().smtp().attemptLimit());
        assertEquals(Duration.ofMinutes(20), s.mail().lease(), "derived from the attempt limit");
        assertEquals(Duration.ofMinutes(35), load("smtp.attempt-limit=PT30M\n").mail().lease());
    }

    @Test
    void aLeaseNoLongerThanAnAttemptIsRefusedWithTheKeyAndTheFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("smtp.attempt-limit=PT15M\ndelivery.lease=PT10M\n"));
        assertTrue(e.getMessage().contains("delivery.lease=PT10M is not valid; expected a duration longer than smtp.attempt-limit (PT15M)"),
                e.getMessage());
        ConfigException bad = assertThrows(ConfigException.class, () -> load("smtp.data-timeout=10 minutes\n"));
        assertTrue(bad.getMessage().contains("smtp.data-timeout=10 minutes is not valid; expected how long to wait for the reply to the"
                + " whole message, as a positive ISO-8601 duration such as PT30S or PT10M"), bad.getMessage());
    }
}
