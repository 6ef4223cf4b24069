package vn.bantin.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import vn.bantin.config.Settings;
import vn.bantin.delivery.DeliveryException;
import vn.bantin.delivery.Message;
import vn.bantin.delivery.MessageComposer;
import vn.bantin.delivery.Recipient;
import vn.bantin.delivery.Sender;
import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.IndicatorRows;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.UnitTree;
import vn.bantin.report.BulletinContext;
import vn.bantin.report.IndicatorsCsv;
import vn.bantin.report.JasperRenderer;
import vn.bantin.report.Labels;
import vn.bantin.report.ProvinceParameters;
import vn.bantin.report.RejectsCsv;
import vn.bantin.report.SourceSummary;
import vn.bantin.source.CsvSource;
import vn.bantin.source.FileStats;
import vn.bantin.source.QualityGate;
import vn.bantin.source.QualityGateException;
import vn.bantin.source.SourceOptions;

/**
 * One bulletin run end to end: read the exports, compute, write indicators.csv and rejects.csv, render the
 * bulletins, and only then hand the messages to the sender. Anything that fails before delivery leaves no
 * output folder and sends nothing.
 */
public final class BulletinRun {
    public static final String PROVINCE = "province";

    private final Settings settings;
    private final Sender sender;
    private final Clock clock;
    private final RunListener listener;

    public BulletinRun(Settings settings, Sender sender, Clock clock, RunListener listener) {
        this.settings = settings;
        this.sender = sender;
        this.clock = clock;
        this.listener = listener;
    }

    public RunResult run(Period period) throws IOException {
        return run(period, false);
    }

    /** {@code force}: make the bulletin even when the exports do not cover the whole period. */
    public RunResult run(Period period, boolean force) throws IOException {
        Instant started = clock.instant();
        LocalDateTime readAt = LocalDateTime.ofInstant(started, settings.zone());
        // Templates and wording are checked before the data is read: a broken template fails in a second.
        ResourceBundle labels = Labels.load(settings.templatesDir(), settings.language());
        MessageComposer composer = new MessageComposer(settings.templatesDir(), settings.language());
        JasperRenderer renderer = new JasperRenderer(settings.templatesDir());
        SourceOptions options = settings.sourceOptions();
        CsvSource.checkAll(options);

        OutputFolder folder = new OutputFolder(settings.outDir(), period.key());
        try {
            Path staging = folder.staging();
            Gathering.Gathered data;
            try (RejectsCsv rejects = new RejectsCsv(staging.resolve("rejects.csv"))) {
                data = Gathering.gather(options, period, settings.method().localityLevel(), rejects, listener);
            }
            UnitTree tree = data.tree();
            List<FileStats> stats = data.stats();
            stopWhenTooBroken(stats, options, folder, period);
            Readiness.require(stats, data.tally().rowsInPeriod(), period, force);
            Indicators indicators = new IndicatorEngine(settings.targets(), settings.method()).compute(tree, data.tally());
            ProvinceParameters parameters = new ProvinceParameters(labels);
            IndicatorsCsv.write(staging.resolve("indicators.csv"), period,
                    IndicatorRows.of(indicators, settings.organisation().provinceName(), parameters::levelName));

            BulletinContext context = new BulletinContext(settings.organisation(), readAt.toLocalDate(), readAt, summaries(stats));
            Map<String, Object> values = parameters.build(indicators, tree, context);
            String stem = "ban-tin-" + period.key() + "-tinh";
            Path dir = Files.createDirectories(staging.resolve("tinh"));
            renderer.renderProvincePdf(values, labels, dir.resolve(stem + ".pdf"));
            listener.rendered(folder.target().resolve("tinh").resolve(stem + ".pdf"));
            renderer.renderProvinceXlsx(values, labels, dir.resolve(stem + ".xlsx"));
            listener.rendered(folder.target().resolve("tinh").resolve(stem + ".xlsx"));

            Path out = folder.commit();
            List<Path> bulletins = List.of(out.resolve("tinh").resolve(stem + ".pdf"), out.resolve("tinh").resolve(stem + ".xlsx"));
            List<RunResult.Delivery> deliveries = deliver(composer, values, bulletins, stem);
            Path summary = out.resolve("run-summary.txt");
            RunResult result = new RunResult(period, out, bulletins, out.resolve("indicators.csv"), out.resolve("rejects.csv"),
                    summary, stats, deliveries, Duration.between(started, clock.instant()));
            RunSummary.write(result, settings, options, started);
            return result;
        } catch (IOException | RuntimeException e) {
            folder.discard();
            throw e;
        }
    }

    /** Figures from files with too many rejected rows are not published; their rejects are kept for the operator. */
    private static void stopWhenTooBroken(List<FileStats> stats, SourceOptions options, OutputFolder folder, Period period)
            throws IOException {
        List<QualityGate.Breach> breaches = QualityGate.breaches(stats, options);
        if (breaches.isEmpty()) {
            return;
        }
        Path stopped = folder.staging().resolve("run-summary.txt");
        String message = SourceReport.stop(breaches, folder.target().resolveSibling(period.key() + ".stopped")
                .resolve("rejects.csv").toString());
        Files.writeString(stopped, message + "\n\n" + SourceReport.of(stats, options), java.nio.charset.StandardCharsets.UTF_8);
        folder.keepAs(period.key() + ".stopped");
        throw new QualityGateException(message, breaches);
    }

    private List<RunResult.Delivery> deliver(MessageComposer composer, Map<String, Object> values, List<Path> files, String stem) {
        List<RunResult.Delivery> out = new ArrayList<>();
        for (Recipient r : settings.recipients()) {
            if (!r.receives(PROVINCE)) {
                continue;
            }
            Message m = composer.compose(PROVINCE, r, values, files, stem + "--" + r.email().replaceAll("[^A-Za-z0-9.-]", "_"));
            try {
                String where = sender.send(m);
                out.add(new RunResult.Delivery(r.name(), r.email(), where, null));
                listener.delivered(r.email(), where);
            } catch (DeliveryException e) {
                out.add(new RunResult.Delivery(r.name(), r.email(), null, e.getMessage()));
            }
        }
        return out;
    }

    private static List<SourceSummary> summaries(List<FileStats> stats) {
        return stats.stream().map(s -> new SourceSummary(s.fileName(), s.source().system(), s.rowsRead(), s.rowsCounted(),
                s.rowsRejected())).toList();
    }
}
