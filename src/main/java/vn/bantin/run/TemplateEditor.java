package vn.bantin.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.report.AtomicFile;
import vn.bantin.report.EditableFile;
import vn.bantin.report.PropertiesText;
import vn.bantin.report.ReportException;
import vn.bantin.source.CsvSource;
import vn.bantin.source.QualityGateException;
import vn.bantin.source.SourceException;
import vn.bantin.store.Candidate;
import vn.bantin.store.FileVersion;
import vn.bantin.store.FileVersions;

/**
 * The template editor's actions, for the console and the CLI alike: list the files of the templates folder with
 * their versions, download one, stage a candidate (checked as {@code templates check} checks, on a copy of the folder
 * with the candidate in place, and previewed as page pictures of the province and one unit bulletin), publish or
 * discard it, roll a file back to an earlier version, and edit a label file's wording as a form. Every version is
 * kept, bytes included, in the store; a file is written only whole (atomically) and only after a check without
 * problems. Each action takes the name of the person acting, for the record.
 */
public final class TemplateEditor {
    /** Who wrote a file's first recorded version: it was in the folder before anyone published it through the editor. */
    public static final String IN_THE_FOLDER = "(in the folder)";
    /** A label or email file of one language: {@code labels/bulletin_en.properties}, {@code email/unit_en.html}. */
    private static final Pattern LANGUAGE = Pattern.compile("(?:^|/)[a-z]+_([a-z]{2})\\.(?:properties|html|txt)$");
    /** One publish or roll-back at a time in this process: each compares, checks and writes the folder as it is. */
    private static final Object WRITING = new Object();

    /** A file of the templates folder with its current recorded version ({@code version} null: never recorded). */
    public record TemplateFile(String path, EditableFile.Kind kind, long size, String sha256, Integer version,
                               String changedBy, Instant changedAt, boolean changedOutside) {}

    /** A file's bytes to hand to a person: {@code version} null for the file as it is in the folder. */
    public record Download(String path, String fileName, Integer version, byte[] content) {}

    private final Settings settings;
    private final FileVersions versions;
    private final Path work;

    /**
     * @param work a folder of the service's own for the staged copies of the templates folder (removed after each
     *             check) and the candidates' previews ({@code candidate-<id>/})
     */
    public TemplateEditor(Settings settings, FileVersions versions, Path work) {
        this.settings = settings;
        this.versions = versions;
        this.work = work;
    }

    /** Every file of the templates folder the editor takes, by path, with who changed it last and when. */
    public List<TemplateFile> files() {
        Map<String, FileVersion> latest = new HashMap<>();
        versions.latest(FileVersions.TEMPLATES).forEach(v -> latest.put(v.path(), v));
        List<TemplateFile> out = new ArrayList<>();
        Path root = settings.templatesDir();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String path = root.relativize(f).toString().replace('\\', '/');
                EditableFile file;
                try {
                    file = EditableFile.of(path);
                } catch (ReportException notEditable) {
                    continue; // PARAMETERS.md (generated), a partial write, a file of a kind the editor does not take
                }
                byte[] bytes = Files.readAllBytes(f);
                String sha = FileVersions.sha256(bytes);
                FileVersion v = latest.get(path);
                out.add(v == null
                        ? new TemplateFile(path, file.kind(), bytes.length, sha, null, null,
                                Files.getLastModifiedTime(f).toInstant(), false)
                        : new TemplateFile(path, file.kind(), bytes.length, sha, v.version(), v.changedBy(), v.changedAt(),
                                !v.sha256().equals(sha)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The templates folder " + root + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** The recorded versions of one file, newest first (empty for a file never changed through the editor). */
    public List<FileVersion> history(String path) {
        return versions.history(FileVersions.TEMPLATES, EditableFile.of(path).path());
    }

    /** The candidates waiting to be published or discarded, oldest first. */
    public List<Candidate> staged() {
        return versions.staged(FileVersions.TEMPLATES);
    }

    public Optional<Candidate> candidate(long id) {
        return versions.candidate(id).filter(c -> c.area().equals(FileVersions.TEMPLATES));
    }

    /**
     * A file as it is in the folder ({@code version} null) or as recorded in that version.
     *
     * @throws ReportException for a name outside the folder, or a file or version that does not exist
     */
    public Download download(String path, Integer version) {
        EditableFile file = EditableFile.of(path);
        String name = Path.of(file.path()).getFileName().toString();
        if (version == null) {
            Path target = target(file);
            if (!Files.isRegularFile(target)) {
                throw new ReportException("templates/" + file.path() + " does not exist.");
            }
            return new Download(file.path(), name, null, read(target));
        }
        FileVersion v = versions.version(FileVersions.TEMPLATES, file.path(), version).orElseThrow(() -> new ReportException(
                "templates/" + file.path() + " has no version " + version + "; its history lists the versions it has."));
        return new Download(file.path(), name, version, versions.content(v));
    }

    /**
     * Stages {@code content} as the next version of {@code path}: checked on a copy of the folder with it in place,
     * with the data of {@code period}; without problems, previewed (the province bulletin and the bulletin of the
     * first unit that has a recipient). The candidate is kept in the store either way; one with problems cannot be
     * published.
     */
    public TemplateEdit stage(String path, byte[] content, String user, Period period) {
        EditableFile file;
        Path target;
        try {
            file = EditableFile.of(path);
            file.checkContent(content);
            target = target(file);
        } catch (ReportException e) {
            return new TemplateEdit.Refused(e.getMessage());
        }
        Checked checked;
        try {
            checked = check(file, content, period, true);
        } catch (NotChecked e) {
            return new TemplateEdit.Refused(e.getMessage());
        }
        byte[] current = Files.isRegularFile(target) ? read(target) : null;
        Candidate candidate = versions.stage(FileVersions.TEMPLATES, file.path(), content,
                current == null ? null : FileVersions.sha256(current), checked.problems(), user);
        if (!checked.problems().isEmpty()) {
            return new TemplateEdit.Problems(candidate, file.path(), checked.problems());
        }
        Path folder = previewFolder(candidate.id());
        try {
            moveTree(checked.preview().folder(), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("The preview cannot be kept in " + folder + ": " + e.getMessage(), e);
        }
        return new TemplateEdit.Staged(candidate, relocate(checked.preview(), folder));
    }

    /** The keys, texts and comments of a label or email-wording file ({@code .properties}), in file order. */
    public List<PropertiesText.Entry> wording(String path) {
        EditableFile file = labelFile(path);
        return PropertiesText.parse(new String(read(target(file)), StandardCharsets.UTF_8)).entries();
    }

    /**
     * Stages the label file {@code path} with the texts of {@code changes} (key to new text) in place of the old ones;
     * every other line of the file (comments, order, other keys) stays as it is.
     */
    public TemplateEdit stageWording(String path, Map<String, String> changes, String user, Period period) {
        EditableFile file;
        String text;
        try {
            file = labelFile(path);
            text = PropertiesText.parse(new String(read(target(file)), StandardCharsets.UTF_8)).with(changes);
        } catch (ReportException e) {
            return new TemplateEdit.Refused(e.getMessage());
        }
        return stage(file.path(), text.getBytes(StandardCharsets.UTF_8), user, period);
    }

    /**
     * Writes a staged candidate into the templates folder and records it as the file's next version. Refused when the
     * candidate had problems, is no longer staged, or the file changed since it was staged; the folder as it is now
     * is checked again with the candidate in place, and a problem stops it.
     */
    public TemplateEdit publish(long candidateId, String user, Period period) {
        synchronized (WRITING) {
            Optional<Candidate> found = candidate(candidateId);
            if (found.isEmpty()) {
                return TemplateEdit.Refused.said("There is no candidate " + candidateId
                        + "; the list of staged candidates shows those that wait.", "edit.refused.noCandidate", candidateId);
            }
            Candidate c = found.get();
            if (!c.open()) {
                return TemplateEdit.Refused.said("Candidate " + c.id() + " for templates/" + c.path() + " was already "
                        + c.state() + " by " + c.closedBy() + " at " + c.closedAt() + ".", "edit.refused." + c.state(), c.id(), c.path(),
                        c.closedBy());
            }
            if (!c.problems().isEmpty()) {
                return new TemplateEdit.Problems(c, c.path(), c.problems());
            }
            EditableFile file = EditableFile.of(c.path());
            Path target = target(file);
            byte[] current = Files.isRegularFile(target) ? read(target) : null;
            String currentSha = current == null ? null : FileVersions.sha256(current);
            if (!java.util.Objects.equals(currentSha, c.baseSha256())) {
                return TemplateEdit.Refused.said("templates/" + c.path() + " changed after candidate " + c.id()
                        + " was staged; upload your file again, so that it is checked against the folder as it is now.",
                        "edit.refused.changed", c.path(), c.id());
            }
            byte[] content = versions.content(c);
            List<String> problems;
            try {
                problems = check(file, content, period, false).problems();
            } catch (NotChecked e) {
                return new TemplateEdit.Refused(e.getMessage());
            }
            if (!problems.isEmpty()) {
                return new TemplateEdit.Problems(c, c.path(), problems);
            }
            if (!versions.close(c.id(), Candidate.PUBLISHED, user)) {
                return TemplateEdit.Refused.said("Candidate " + c.id() + " was published or discarded by someone else a moment ago.",
                        "edit.refused.raced", c.id());
            }
            TemplateEdit.Published published = new TemplateEdit.Published(write(file, target, current, content, user, "published"));
            deleteTree(previewFolder(c.id())); // a preview is for deciding; the bulletins now show the file itself
            return published;
        }
    }

    /** Drops a staged candidate; the file stays as it is. */
    public TemplateEdit discard(long candidateId, String user) {
        Optional<Candidate> found = candidate(candidateId);
        if (found.isEmpty()) {
            return TemplateEdit.Refused.said("There is no candidate " + candidateId + ".", "edit.refused.noCandidate", candidateId);
        }
        if (!versions.close(candidateId, Candidate.DISCARDED, user)) {
            Candidate c = candidate(candidateId).orElseThrow();
            return TemplateEdit.Refused.said("Candidate " + c.id() + " was already " + c.state() + " by " + c.closedBy() + ".",
                    "edit.refused." + c.state(), c.id(), c.path(), c.closedBy());
        }
        deleteTree(previewFolder(candidateId));
        return new TemplateEdit.Discarded(candidate(candidateId).orElseThrow());
    }

    /**
     * Writes version {@code version} of {@code path} back into the folder, as a new version ("rolled back to version
     * N"), after checking it with the rest of the folder as it is now; a problem stops it and nothing is written.
     */
    public TemplateEdit rollBack(String path, int version, String user, Period period) {
        synchronized (WRITING) {
            EditableFile file;
            Path target;
            try {
                file = EditableFile.of(path);
                target = target(file);
            } catch (ReportException e) {
                return new TemplateEdit.Refused(e.getMessage());
            }
            Optional<FileVersion> v = versions.version(FileVersions.TEMPLATES, file.path(), version);
            if (v.isEmpty()) {
                return TemplateEdit.Refused.said("templates/" + file.path() + " has no version " + version
                        + "; its history lists the versions it has.", "edit.refused.noVersion", file.path(), version);
            }
            byte[] content = versions.content(v.get());
            byte[] current = Files.isRegularFile(target) ? read(target) : null;
            if (current != null && java.util.Arrays.equals(current, content)) {
                return TemplateEdit.Refused.said("templates/" + file.path() + " already holds version " + version + "; nothing to do.",
                        "edit.refused.sameVersion", file.path(), version);
            }
            List<String> problems;
            try {
                problems = check(file, content, period, false).problems();
            } catch (NotChecked e) {
                return new TemplateEdit.Refused(e.getMessage());
            }
            if (!problems.isEmpty()) {
                return new TemplateEdit.Problems(null, file.path(), problems);
            }
            return new TemplateEdit.Published(write(file, target, current, content, user, "rolled back to version " + version));
        }
    }

    /** The preview of a staged candidate, as made when it was staged. */
    public Optional<CandidatePreview> preview(long candidateId) {
        Path folder = previewFolder(candidateId);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.sorted(Comparator.comparing(TemplateEditor::pageOrder)).toList();
            Path province = all.stream().filter(p -> p.getFileName().toString().endsWith("-tinh.pdf")).findFirst().orElse(null);
            Path unit = all.stream().filter(p -> p.toString().endsWith(".pdf") && !p.equals(province)).findFirst().orElse(null);
            return Optional.of(new CandidatePreview(folder, province, pages(all, province), unitCode(folder), unit, pages(all, unit)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the check

    private record Checked(List<String> problems, CandidatePreview preview) {}

    /** The check could not be made: the data of the period cannot be read. Not the candidate's fault. */
    private static final class NotChecked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotChecked(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks {@code content} as {@code file} on a copy of the templates folder, as {@code templates check} does, and,
     * without problems and when asked, renders the preview into a folder of {@link #work}. Problems name the real
     * folder's files, not the copy's.
     */
    private Checked check(EditableFile file, byte[] content, Period period, boolean withPreview) {
        Path stage = work.resolve("staging-" + UUID.randomUUID());
        Path copy = stage.resolve("templates");
        try {
            copyFolder(settings.templatesDir(), copy);
            Path placed = copy.resolve(file.path());
            Files.createDirectories(placed.getParent());
            Files.write(placed, content);
            Settings staged = settings.withTemplatesDir(copy);
            Matcher language = LANGUAGE.matcher(file.path());
            if (language.find() && Files.exists(copy.resolve("labels").resolve("bulletin_" + language.group(1) + ".properties"))) {
                staged = staged.withLanguage(language.group(1));
            }
            List<String> problems = new ArrayList<>();
            for (String p : TemplateCheck.problems(staged, period)) {
                problems.add(realNames(p, copy));
            }
            if (!problems.isEmpty() || !withPreview) {
                return new Checked(problems, null);
            }
            Path folder = stage.resolve("preview");
            String unit = previewUnit(staged);
            try {
                List<Path> province = Preview.render(staged, period, null, folder);
                List<Path> unitFiles = Preview.render(staged, period, unit, folder);
                Files.writeString(folder.resolve("unit.txt"), unit, StandardCharsets.UTF_8);
                return new Checked(problems, new CandidatePreview(folder, province.get(0), pngs(province), unit,
                        unitFiles.get(0), pngs(unitFiles)));
            } catch (ReportException e) {
                deleteTree(folder);
                return new Checked(List.of(realNames(e.getMessage(), copy)), null);
            }
        } catch (SourceException | QualityGateException | NotReadyException e) {
            throw new NotChecked("The candidate could not be checked, because the data of " + period.key()
                    + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The templates cannot be copied into " + stage + " for the check: " + e.getMessage(), e);
        } finally {
            deleteTree(copy);
            if (!Files.exists(stage.resolve("preview"))) {
                deleteTree(stage);
            }
        }
    }

    /** The unit of the unit bulletin's preview: the first unit with a recipient of its bulletin, else the first unit. */
    private static String previewUnit(Settings settings) {
        var units = new CsvSource(settings.sourceOptions(), r -> { }, (f, read, rejected, done) -> { }).readUnits();
        return settings.recipients().stream().filter(r -> r.receives(RunRequest.UNIT) && units.contains(r.unit()))
                .map(r -> r.unit()).findFirst()
                .orElseGet(() -> units.units().stream().filter(u -> units.parentOf(u).isPresent()).findFirst()
                        .orElse(units.units().iterator().next()).code());
    }

    private static String realNames(String problem, Path copy) {
        String shown = problem;
        for (String name : List.of(copy.toString(), copy.toAbsolutePath().toString())) {
            shown = shown.replace(name + "/", "templates/");
        }
        return shown;
    }

    // ------------------------------------------------------------------------------------------------ files

    /** Records the file as it was found (when no version records it yet), writes it, and records the new version. */
    private FileVersion write(EditableFile file, Path target, byte[] current, byte[] content, String user, String action) {
        if (current != null) {
            List<FileVersion> history = versions.history(FileVersions.TEMPLATES, file.path());
            if (history.isEmpty() || !history.get(0).sha256().equals(FileVersions.sha256(current))) {
                versions.add(FileVersions.TEMPLATES, file.path(), current, IN_THE_FOLDER, "found");
            }
        }
        AtomicFile.write(target, content);
        return versions.add(FileVersions.TEMPLATES, file.path(), content, user, action);
    }

    /** Where {@code file} is in the templates folder; refused when a link would lead out of it. */
    private Path target(EditableFile file) {
        Path root = settings.templatesDir().toAbsolutePath().normalize();
        Path target = root.resolve(file.path()).normalize();
        try {
            Path realRoot = root.toRealPath();
            Path parent = target.getParent();
            if (!Files.isDirectory(parent)) {
                throw new ReportException("templates/" + file.path() + " would be in a folder that does not exist; put it in"
                        + " one of the folders the templates folder has.");
            }
            if (!parent.toRealPath().startsWith(realRoot) || Files.isSymbolicLink(target)
                    || Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !target.toRealPath().startsWith(realRoot)) {
                throw new ReportException("templates/" + file.path() + " is a link out of the templates folder; the editor"
                        + " writes only files inside it.");
            }
        } catch (IOException e) {
            throw new ReportException("templates/" + file.path() + " cannot be reached: " + e.getMessage(), e);
        }
        return target;
    }

    private EditableFile labelFile(String path) {
        EditableFile file = EditableFile.of(path);
        if (file.kind() != EditableFile.Kind.LABELS) {
            throw new ReportException("templates/" + file.path() + " is not a label file; the wording form edits the"
                    + " .properties files of labels/ and email/.");
        }
        if (!Files.isRegularFile(target(file))) {
            throw new ReportException("templates/" + file.path() + " does not exist.");
        }
        return file;
    }

    private Path previewFolder(long candidateId) {
        return work.resolve("candidate-" + candidateId);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Path> pngs(List<Path> files) {
        return files.stream().filter(p -> p.toString().endsWith(".png")).toList();
    }

    private static List<Path> pages(List<Path> all, Path pdf) {
        if (pdf == null) {
            return List.of();
        }
        String stem = pdf.getFileName().toString().replaceFirst("\\.pdf$", "-");
        return all.stream().filter(p -> p.getFileName().toString().startsWith(stem) && p.toString().endsWith(".png")).toList();
    }

    /** {@code x-10.png} after {@code x-9.png}. */
    private static String pageOrder(Path p) {
        Matcher m = Pattern.compile("-(\\d+)\\.png$").matcher(p.getFileName().toString());
        return m.find() ? p.getFileName().toString().substring(0, m.start()) + String.format("-%06d", Integer.parseInt(m.group(1)))
                : p.getFileName().toString();
    }

    private static String unitCode(Path folder) throws IOException {
        Path f = folder.resolve("unit.txt");
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8).strip() : null;
    }

    private static CandidatePreview relocate(CandidatePreview p, Path to) {
        java.util.function.Function<Path, Path> moved = f -> to.resolve(p.folder().relativize(f).toString());
        return new CandidatePreview(to, moved.apply(p.provincePdf()), p.provincePages().stream().map(moved).toList(), p.unit(),
                moved.apply(p.unitPdf()), p.unitPages().stream().map(moved).toList());
    }

    /** Copies the templates folder (regular files, following no link out of it) for a check. */
    private static void copyFolder(Path from, Path to) throws IOException {
        Path realRoot = from.toRealPath();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(source) && source.toRealPath().startsWith(realRoot)
                        && !source.getFileName().toString().startsWith(".")) {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void moveTree(Path from, Path to) throws IOException {
        deleteTree(to);
        Files.createDirectories(to.getParent());
        Files.move(from, to);
        deleteTree(from.getParent());
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The editor's working folder " + dir + " cannot be cleaned: " + e.getMessage(), e);
        }
    }
}
