package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.report.TemplatesCopy;

/** The editor's actions from a terminal: the same results as the console's, printed, with exit 2 when refused. */
class EditorCommandsTest {
    @TempDir
    Path tmp;

    private Path config() throws IOException {
        Path templates = TemplatesCopy.into(tmp.resolve("templates"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\ntemplates.dir=" + templates + "\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        return config;
    }

    private CliRun cli(String... args) throws IOException {
        String[] all = java.util.Arrays.copyOf(args, args.length + 6);
        System.arraycopy(new String[] {"--config", tmp.resolve("config").toString(), "--store", CliRun.store(tmp), "--by", "an.editor"},
                0, all, args.length, 6);
        return CliRun.of(all);
    }

    @Test
    void aBrokenStyleFileIsStagedWithItsProblemsAndCannotBePublished() throws IOException {
        config();
        Path styles = tmp.resolve("templates/styles.jrtx");
        byte[] before = Files.readAllBytes(styles);
        Path broken = tmp.resolve("styles.jrtx");
        Files.writeString(broken, Files.readString(styles).replaceFirst("<style ", "<style <"));

        CliRun staged = cli("templates", "stage", "styles.jrtx", "--from", broken.toString(), "--to", tmp.resolve("preview").toString());

        assertEquals(2, staged.exitCode(), staged.out() + staged.err());
        assertTrue(staged.out().contains("templates/styles.jrtx cannot be published"), staged.out());
        assertTrue(staged.out().matches("(?s).*templates/styles\\.jrtx:\\d+: not well-formed XML.*"), staged.out());
        CliRun listed = cli("templates", "versions");
        assertTrue(listed.out().contains("candidate 1: styles.jrtx, staged by an.editor"), listed.out());
        CliRun publish = cli("templates", "publish", "1");
        assertEquals(2, publish.exitCode(), publish.out());
        assertArrayEquals(before, Files.readAllBytes(styles));
    }

    @Test
    void recipientsExportAndImportRoundTrip() throws IOException {
        Path config = config();
        byte[] before = Files.readAllBytes(config.resolve("recipients.csv"));
        Path exported = tmp.resolve("exported.csv");

        CliRun export = cli("recipients", "export", "--to", exported.toString());
        CliRun imported = cli("recipients", "import", exported.toString());

        assertEquals(0, export.exitCode(), export.out() + export.err());
        assertEquals(0, imported.exitCode(), imported.out() + imported.err());
        assertTrue(imported.out().contains("as version 2 (imported by an.editor)"), imported.out());
        assertArrayEquals(before, Files.readAllBytes(config.resolve("recipients.csv")), "the shipped list is already in the written form");
        Files.writeString(exported, Files.readString(exported) + "KHONG-CO,Đơn vị lạ,la@bacninh.gov.vn,unit\n");
        CliRun refused = cli("recipients", "import", exported.toString());
        assertEquals(2, refused.exitCode(), refused.out());
        assertTrue(refused.out().contains("the uploaded recipients.csv line " + (before.length > 0
                ? new String(before, StandardCharsets.UTF_8).lines().count() + 1 : 0) + ", unit: unit 'KHONG-CO' is not in the units"),
                refused.out());
        CliRun versions = cli("recipients", "versions");
        assertTrue(versions.out().contains("version 2") && versions.out().contains("version 1"), versions.out());
    }
}
