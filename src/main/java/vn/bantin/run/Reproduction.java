package vn.bantin.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import vn.bantin.config.Settings;
import vn.bantin.delivery.FileNames;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Unit;
import vn.bantin.report.BulletinContext;
import vn.bantin.report.IndicatorsCsv;
import vn.bantin.report.JasperRenderer;
import vn.bantin.report.Labels;
import vn.bantin.report.ProvinceParameters;
import vn.bantin.report.TemplateCache;
import vn.bantin.report.UnitParameters;
import vn.bantin.source.InputChecksums;
import vn.bantin.source.InputSnapshot;
import vn.bantin.source.SourceOptions;
import vn.bantin.store.AttachmentArchive;
import vn.bantin.store.RunRow;
import vn.bantin.store.RunStore;

/**
 * Makes a past run's bulletins again, without sending or recording anything: from the inputs it read (its gathered
 * snapshot, or the data folder while its files are still those the run recorded) and the template files it used, as
 * kept in the archive under their hashes, dated as the run was. The figures and text are those of the run.
 */
public final class Reproduction {
    private Reproduction() {
    }

    /** What was made: the run, where its inputs came from, the files written. */
    public record Made(long runId, String periodKey, String inputs, List<Path> files) {
    }

    public static Made make(Settings settings, DataSource db, long runId, Path to) throws IOException {
        Clock clock = Clock.system(settings.zone());
        RunStore runs = new RunStore(db, clock);
        RunRow run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("run " + runId
                + " is not in the store; 'history' lists the runs"));
        if (run.templateHashes().isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " recorded no templates (it stopped before it read them),"
                    + " so there is nothing to make again");
        }
        Period period = Period.parse(run.periodKey().replace("_", ".."));
        String inputs;
        SourceOptions options;
        java.util.Optional<String> snapshotId = runs.snapshotOf(runId);
        if (snapshotId.isPresent()) {
            InputSnapshot snapshot = InputSnapshot.find(settings.inputsDir(), snapshotId.get()).orElseThrow(() ->
                    new IllegalArgumentException("run " + runId + " read the snapshot " + snapshotId.get() + ", which is no"
                            + " longer in " + settings.inputsDir() + "; restore it from a backup"));
            options = snapshot.options(settings.sourceOptions());
            inputs = snapshot.dir().toString();
        } else {
            options = settings.sourceOptions();
            inputs = options.dataDir() + " (unchanged since the run)";
        }
        if (snapshotId.isEmpty() && run.inputChecksums().isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " read the data folder, not a gathered snapshot, and"
                    + " recorded no checksums of it; its inputs were not kept, so it cannot be made again (gather before"
                    + " each run to keep them)");
        }
        // A snapshot keeps the exports, but not the calendar of config, and the data folder keeps nothing: every file
        // the run recorded (official-766.csv, unit-changes.csv, holidays.csv among them) must still be as it was.
        // The configuration entries say what the run depended on, not files to read again.
        Map<String, String> recorded = new java.util.LinkedHashMap<>(run.inputChecksums());
        recorded.keySet().removeIf(SettingsFingerprint::isSetting);
        List<String> changed = InputChecksums.changed(recorded,
                InputChecksums.of(options, settings.withSourceOptions(options).figureFiles()));
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " read " + (snapshotId.isPresent() ? "the snapshot "
                    + snapshotId.get() : "the data folder " + options.dataDir()) + ", and since then "
                    + String.join(", ", changed) + " changed, so its figures cannot be made again; put back the files as"
                    + " the run read them" + (snapshotId.isPresent() ? "" : " (gather before each run to keep the exports)"));
        }
        Path templates = Files.createTempDirectory("bantin-templates-" + runId + "-");
        try {
            restoreTemplates(settings, db, clock, run, templates);
            Settings then = settings.withTemplatesDir(templates).withSourceOptions(options);
            List<Path> files = render(then, db, clock, run, period, to);
            return new Made(runId, period.key(), inputs, files);
        } finally {
            try (Stream<Path> s = Files.walk(templates)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void restoreTemplates(Settings settings, DataSource db, Clock clock, RunRow run, Path into)
            throws IOException {
        AttachmentArchive archive = new AttachmentArchive(db, clock, settings.store().archiveFolder());
        for (Map.Entry<String, String> t : new TreeMap<>(run.templateHashes()).entrySet()) {
            Path kept = archive.file(t.getValue());
            Path target = into.resolve(t.getKey()).normalize();
            if (!target.startsWith(into)) {
                throw new IllegalArgumentException("run " + run.id() + " names a template outside its folder: " + t.getKey());
            }
            if (!Files.isRegularFile(kept)) {
                throw new IllegalArgumentException("run " + run.id() + "'s template " + t.getKey() + " (SHA-256 "
                        + t.getValue() + ") is not in the archive " + kept.getParent() + "; runs made before templates were"
                        + " archived cannot be made again");
            }
            Files.createDirectories(target.getParent());
            Files.copy(kept, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> render(Settings s, DataSource db, Clock clock, RunRow run, Period period, Path to)
            throws IOException {
        Set<String> bulletins = new LinkedHashSet<>(List.of(run.bulletin().split("\\+")));
        ResourceBundle labels = Labels.load(s.templatesDir(), s.language());
        JasperRenderer renderer = new JasperRenderer(s.templatesDir(), new TemplateCache(), s.templateLimits());
        boolean units = bulletins.contains(RunRequest.UNIT);
        List<Period> periods = units ? List.of(period, period.previous(), period.sameLastYear()) : List.of(period);
        // Dated as the run was: the issue date, the time the data was read and the 766 provisional cut-off are the run's.
        LocalDateTime readAt = LocalDateTime.ofInstant(run.startedAt(), s.zone());
        Gathering.Gathered data = Gathering.gather(s.sourceOptions(), periods, s.method().localityLevel(), r -> { },
                RunListener.QUIET, Gathering.Setup766.of(s, readAt.toLocalDate()));
        ProvinceParameters parameters = new ProvinceParameters(labels);
        RunFigures figures = RunFigures.of(s, db, data, period, parameters);
        Files.createDirectories(to);
        IndicatorsCsv.write(to.resolve("indicators.csv"), period, figures.rows());
        BulletinContext context = figures.context(s, data, readAt);
        List<Path> written = new ArrayList<>();
        if (bulletins.contains(RunRequest.PROVINCE)) {
            // The number the run gave the province bulletin, kept by the store; unit bulletins have none.
            Map<String, Object> values = parameters.build(figures.indicators(), data.tree(),
                    BulletinRun.numbered(s, db, clock, context, period));
            Path dir = Files.createDirectories(to.resolve("tinh"));
            written.addAll(renderer.renderProvince(values, labels, s.outputFormats(), dir, "ban-tin-" + period.key() + "-tinh"));
        }
        if (units) {
            RunFigures.ForUnits against = figures.forUnits(new BulletinRun(s, null, clock, RunListener.QUIET, db), data,
                    period);
            Path dir = Files.createDirectories(to.resolve("don-vi"));
            Set<String> codes = new LinkedHashSet<>();
            s.recipients().stream().filter(r -> r.receives(RunRequest.UNIT)).map(Recipient::unit).forEach(codes::add);
            for (String code : codes) {
                Unit unit = data.tree().find(code).orElse(null);
                if (unit == null) {
                    continue;
                }
                Map<String, Object> values = UnitParameters.build(unit, figures.indicators(), against.rankings(),
                        against.previous(), against.yearAgo(), data.tree(), context, labels);
                String stem = "ban-tin-" + period.key() + "-" + FileNames.of(code);
                written.addAll(renderer.renderUnit(values, labels, s.outputFormats(), dir, stem));
            }
        }
        return written;
    }
}
