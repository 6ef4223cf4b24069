package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.report.TemplatesCopy;

/** {@code templates check} names the file and line of what an edit broke, so the editor can go straight there. */
class TemplatesCheckTest {
    @TempDir
    Path tmp;

    private Path templates() throws IOException {
        Path to = TemplatesCopy.into(tmp.resolve("templates"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\ntemplates.dir=" + to + "\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        return to;
    }

    private CliRun check() {
        return CliRun.of("templates", "check", "--config", tmp.resolve("config").toString());
    }

    /** Replaces the first occurrence of {@code from} in a line of the template, returning that line's number. */
    private static int edit(Path file, String from, String to) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(from)) {
                lines.set(i, lines.get(i).replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
                Files.write(file, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new IllegalArgumentException(from + " not in " + file);
    }

    @Test
    void theShippedTemplatesAreFine() throws IOException {
        templates();
        CliRun r = check();
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("templates OK"), r.out());
    }

    @Test
    void brokenXmlIsReportedWithItsLine() throws IOException {
        Path province = templates().resolve("province.jrxml");
        int line = edit(province, "<title", "<title <");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(province + ":" + line + ": not well-formed XML"), r.out());
    }

    @Test
    void aBrokenStyleFileIsReportedAtItsOwnLine() throws IOException {
        Path styles = templates().resolve("styles.jrtx");
        int line = edit(styles, "<style name=\"Title\"", "<style name=\"Title\" <");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(styles + ":" + line + ": not well-formed XML"), r.out());
    }

    @Test
    void anUnknownParameterIsReportedWhereItIsUsed() throws IOException {
        Path unit = templates().resolve("unit.jrxml");
        int line = edit(unit, "$P{unitName}", "$P{unitNmae}");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(unit + ":" + line + ": "), r.out());
        assertTrue(r.out().contains("unitNmae"), r.out());
    }
}
