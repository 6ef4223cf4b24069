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

/** render.lease and render.wait: their defaults, as the README's table gives them, and a bad value named with its key. */
class RenderClaimConfigTest {
    @TempDir
    Path dir;

    private Settings load(String properties) throws IOException {
        Files.writeString(dir.resolve("bantin.properties"), properties, StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), dir.resolve("recipients.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return ConfigLoader.load(dir);
    }

    @Test
    void defaultsAndSettings() throws IOException {
        assertEquals(new Settings.Render(Duration.ofMinutes(2), Duration.ofMinutes(30)), load("").render());
        assertEquals(new Settings.Render(Duration.ofSeconds(45), Duration.ofHours(1)),
                load("render.lease=PT45S\nrender.wait=PT1H\n").render());
        assertEquals(Runtime.getRuntime().availableProcessors(), load("").render().threads());
        assertEquals(3, load("render.threads=3\n").render().threads());
    }

    @Test
    void aLeaseThatIsNoDurationIsRefusedWithItsKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("render.lease=2 minutes\n"));
        assertTrue(e.getMessage().contains("render.lease=2 minutes is not valid; expected how long a render claim holds a period"
                + " before another node may take it over, as a positive ISO-8601 duration"), e.getMessage());
        ConfigException zero = assertThrows(ConfigException.class, () -> load("render.wait=PT0S\n"));
        assertTrue(zero.getMessage().contains("render.wait=PT0S is not valid"), zero.getMessage());
    }

    @Test
    void aThreadCountThatIsNoWholeNumberIsRefusedWithItsKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("render.threads=two\n"));
        assertTrue(e.getMessage().contains("render.threads=two is not valid; expected how many unit bulletins are rendered"
                + " at once, 1 to 256"), e.getMessage());
        assertThrows(ConfigException.class, () -> load("render.threads=0\n"));
    }
}
