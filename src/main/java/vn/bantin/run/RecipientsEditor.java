package vn.bantin.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.delivery.RecipientTable;
import vn.bantin.indicator.UnitTree;
import vn.bantin.report.AtomicFile;
import vn.bantin.source.CsvSource;
import vn.bantin.source.QualityGateException;
import vn.bantin.source.SourceException;
import vn.bantin.store.FileVersion;
import vn.bantin.store.FileVersions;

/**
 * The recipients editor's actions, for the console and the CLI alike: read {@code config/recipients.csv} as a table,
 * check an edited table against the units of the current data, save it whole (the previous list kept as a version in
 * the store, with who and when), import a CSV (checked the same, problems by line and field) and export it.
 */
public final class RecipientsEditor {
    public static final String PATH = ConfigLoader.RECIPIENTS_FILE;
    private static final int MAX_BYTES = 1024 * 1024;
    private static final Object WRITING = new Object();

    /**
     * The list as it is: its rows, what is wrong with the file as it stands (edited by hand: by line and field; the
     * unit check only when the units export can be read), and its current recorded version (null: never changed
     * through the editor).
     */
    public record Recipients(List<RecipientTable.Row> rows, List<RecipientTable.Problem> problems, FileVersion version) {}

    private final Path file;
    private final Settings settings;
    private final FileVersions versions;

    /** @param configDir the config folder the program reads ({@code config/}), which holds recipients.csv */
    public RecipientsEditor(Path configDir, Settings settings, FileVersions versions) {
        this.file = configDir.resolve(PATH);
        this.settings = settings;
        this.versions = versions;
    }

    public Recipients read() {
        RecipientTable.Parsed parsed = RecipientTable.parse(text(current()), PATH);
        Predicate<String> units;
        try {
            units = knownUnits();
        } catch (IllegalStateException unreadable) {
            units = unit -> true; // the list is still shown; saving it checks the units, and says why it cannot
        }
        List<RecipientTable.Problem> problems = new java.util.ArrayList<>(parsed.problems());
        problems.addAll(RecipientTable.check(parsed.rows(), units, PATH, parsed.lines()));
        List<FileVersion> history = versions.history(FileVersions.CONFIG, PATH);
        return new Recipients(parsed.rows(), List.copyOf(problems), history.isEmpty() ? null : history.get(0));
    }

    /** The problems of an edited table, by row (1-based), against the units of the data at {@code data.dir}. */
    public List<RecipientTable.Problem> check(List<RecipientTable.Row> rows) {
        return RecipientTable.check(rows, knownUnits(), null, List.of());
    }

    /** Saves the table if it has no problem; otherwise refuses it with every problem, and writes nothing. */
    public RecipientsEdit save(List<RecipientTable.Row> rows, String user) {
        List<RecipientTable.Problem> problems = check(rows);
        return problems.isEmpty() ? write(rows, user, "saved") : new RecipientsEdit.Refused(problems);
    }

    /** Replaces the list with an uploaded CSV, checked as a table is; problems name the CSV's line and field. */
    public RecipientsEdit importCsv(byte[] csv, String user) {
        if (csv.length > MAX_BYTES) {
            return new RecipientsEdit.Refused(List.of(new RecipientTable.Problem(0, 0, "file", "the uploaded file",
                    "is larger than " + MAX_BYTES / 1024 + " KB; a recipients list is far smaller", "tooLarge",
                    List.of(String.valueOf(MAX_BYTES / 1024)))));
        }
        String name = "the uploaded " + PATH;
        RecipientTable.Parsed parsed = RecipientTable.parse(new String(csv, StandardCharsets.UTF_8), name);
        if (!parsed.problems().isEmpty()) {
            return new RecipientsEdit.Refused(parsed.problems());
        }
        List<RecipientTable.Problem> problems = RecipientTable.check(parsed.rows(), knownUnits(), name, parsed.lines());
        return problems.isEmpty() ? write(parsed.rows(), user, "imported") : new RecipientsEdit.Refused(problems);
    }

    /** The list as it is, as CSV (UTF-8). */
    public byte[] exportCsv() {
        return current();
    }

    public List<FileVersion> history() {
        return versions.history(FileVersions.CONFIG, PATH);
    }

    /** The bytes of an earlier version, as kept in the store. */
    public byte[] version(int version) {
        return versions.version(FileVersions.CONFIG, PATH, version).map(versions::content)
                .orElseThrow(() -> new IllegalArgumentException(PATH + " has no version " + version + "; its history lists the versions it has."));
    }

    private RecipientsEdit write(List<RecipientTable.Row> rows, String user, String action) {
        byte[] content = RecipientTable.csv(rows).getBytes(StandardCharsets.UTF_8);
        synchronized (WRITING) {
            if (Files.exists(file)) {
                byte[] before = current();
                List<FileVersion> history = history();
                if (history.isEmpty() || !history.get(0).sha256().equals(FileVersions.sha256(before))) {
                    versions.add(FileVersions.CONFIG, PATH, before, TemplateEditor.IN_THE_FOLDER, "found");
                }
            }
            AtomicFile.write(file, content);
            return new RecipientsEdit.Saved(versions.add(FileVersions.CONFIG, PATH, content, user, action), rows.size());
        }
    }

    /** The unit codes of the units export the program reads now; a list that cannot be read stops the check. */
    private Predicate<String> knownUnits() {
        try {
            UnitTree units = new CsvSource(settings.sourceOptions(), r -> { }, (f, read, rejected, done) -> { }).readUnits();
            return units::contains;
        } catch (SourceException | QualityGateException e) {
            throw new IllegalStateException("The recipients cannot be checked against the units, because the units export"
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] current() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
