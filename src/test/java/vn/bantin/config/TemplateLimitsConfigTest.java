package vn.bantin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.bantin.report.TemplateLimits;

/** templates.allowed-hosts, templates.max-pages and templates.fill-timeout: defaults, values, and the words for a bad one. */
class TemplateLimitsConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsFetchNothingAndLeaveTheBulletinsAmpleRoom() throws IOException {
        TemplateLimits limits = load("").templateLimits();

        assertEquals(new TemplateLimits(100, Duration.ofMinutes(1), Set.of()), limits);
    }

    @Test
    void hostsArePlainNamesSeparatedByCommas() throws IOException {
        TemplateLimits limits = load("templates.allowed-hosts = Static.BacNinh.gov.vn, 10.0.0.5\n"
                + "templates.max-pages=20\ntemplates.fill-timeout=PT30S\n").templateLimits();

        assertEquals(new TemplateLimits(20, Duration.ofSeconds(30), Set.of("static.bacninh.gov.vn", "10.0.0.5")), limits);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "templates.allowed-hosts=http://static.bacninh.gov.vn | templates.allowed-hosts=http://static.bacninh.gov.vn is not valid; expected host names separated by commas",
            "templates.allowed-hosts=cdn.example.com:8080 | (no scheme, port or path)",
            "templates.max-pages=0 | templates.max-pages=0 is not valid; expected the most pages one bulletin may have, 1 or more",
            "templates.max-pages=many | templates.max-pages=many is not valid",
            "templates.fill-timeout=60 | templates.fill-timeout=60 is not valid; expected an ISO-8601 duration such as PT1M",
            "templates.fill-timeout=PT0S | templates.fill-timeout=PT0S is not valid"})
    void aBadValueIsNamedWithWhatIsExpected(String line, String message) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(line + "\n"));

        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("bantin.properties").toString()), e.getMessage());
    }

    private Settings load(String properties) throws IOException {
        Files.writeString(dir.resolve("bantin.properties"), properties, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("recipients.csv"), "unit,name,email,bulletins\n", StandardCharsets.UTF_8);
        return ConfigLoader.load(dir);
    }
}
