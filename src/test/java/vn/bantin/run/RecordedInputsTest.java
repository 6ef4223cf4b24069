package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.source.InputChecksums;

/**
 * What a run records of its inputs, as BulletinRun records it: besides the five exports, official-766.csv,
 * unit-changes.csv and the working-day calendar, which change a 2026 bulletin's figures. A change to any of them is
 * what stops {@code run --reproduce} from making a bulletin that the run never sent.
 */
class RecordedInputsTest {
    private static final Set<String> EXPORTS = Set.of("units.csv", "documents.csv", "procedures.csv", "dossiers.csv",
            "feedback.csv");

    @TempDir
    Path dir;
    private Path data;
    private Path holidays;
    private String holidaysName;

    @BeforeEach
    void sample2026() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("data/sample/2026"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        holidays = Files.copy(Path.of("config/holidays.csv"), dir.resolve("holidays.csv"));
        holidaysName = holidays.toString().replace('\\', '/');
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve(ConfigLoader.SETTINGS_FILE),
                "data.dir=" + data + "\nholidays.file=" + holidaysName + "\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve(ConfigLoader.RECIPIENTS_FILE));
    }

    private Map<String, String> recorded() {
        Settings settings = ConfigLoader.load(dir.resolve("config"));
        return InputChecksums.of(settings.sourceOptions(), settings.figureFiles());
    }

    @Test
    void aDayAddedToTheHolidaysChangesTheRecordedChecksumsAndOnlyThatOne() throws IOException {
        Map<String, String> before = recorded();
        Set<String> expected = new java.util.HashSet<>(EXPORTS);
        expected.addAll(List.of("official-766.csv", "unit-changes.csv", holidaysName));
        assertEquals(expected, before.keySet(), "the exports, the two files of the data folder and the calendar");

        // A day off announced late: the due dates of the dossiers around it, and so the on-time shares, move.
        Files.writeString(holidays, "2026-03-13,Nghỉ bù (thử)\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Map<String, String> after = recorded();
        assertNotEquals(before.get(holidaysName), after.get(holidaysName));
        assertEquals(List.of(holidaysName), InputChecksums.changed(before, after));
    }

    @Test
    void anOptionalFileThatAppearsOrIsEditedIsAChangeButNotForARunThatNeverRecordedIt() throws IOException {
        Path changes = data.resolve("unit-changes.csv");
        byte[] kept = Files.readAllBytes(changes);
        Files.delete(changes);
        Map<String, String> without = recorded();
        assertEquals(InputChecksums.ABSENT, without.get("unit-changes.csv"));

        Files.write(changes, kept);
        Map<String, String> now = recorded();
        assertEquals(List.of("unit-changes.csv"), InputChecksums.changed(without, now), "the file appeared since");
        Files.writeString(data.resolve("official-766.csv"), "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of("official-766.csv", "unit-changes.csv"), InputChecksums.changed(without, recorded()));

        // A run recorded before these files were: only its exports are compared.
        Map<String, String> exportsOnly = new LinkedHashMap<>(now);
        exportsOnly.keySet().retainAll(EXPORTS);
        assertEquals(List.of(), InputChecksums.changed(exportsOnly, recorded()));
    }
}
