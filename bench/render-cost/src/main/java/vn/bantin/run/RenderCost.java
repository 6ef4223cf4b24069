package vn.bantin.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.ExporterInputItem;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleExporterInputItem;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.repo.FileRepositoryPersistenceServiceFactory;
import net.sf.jasperreports.repo.FileRepositoryService;
import net.sf.jasperreports.repo.PersistenceServiceFactory;
import net.sf.jasperreports.repo.RepositoryService;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Rankings;
import vn.bantin.indicator.Unit;
import vn.bantin.report.BulletinContext;
import vn.bantin.report.Comparison;
import vn.bantin.report.JasperRenderer;
import vn.bantin.report.Labels;
import vn.bantin.report.OutputFormats;
import vn.bantin.report.TemplateCache;
import vn.bantin.report.UnitParameters;

/**
 * bench/run-speed.sh's per-bulletin cost: in one warm JVM, every unit bulletin of a period rendered by bantin
 * ({@link JasperRenderer#renderUnit}: its checks, fill guard, font check and files written beside their names) and by
 * JasperReports alone (fill and export of the same compiled templates with the same parameters, to plain files),
 * unit by unit, alternating which goes first; then bantin's unit bulletins on 1 and on N threads.
 *
 * <p>It sits in bantin's {@code run} package to gather and compute the figures with the steps {@code preview} uses
 * (the comparisons from the exports, not from a store's snapshots), not with a copy of them.
 *
 * <p>Usage: {@code java -cp classes:bantin.jar vn.bantin.run.RenderCost CONFIG_DIR PERIOD WORK_DIR [ROUNDS] [THREADS]}.
 * Prints {@code key value} lines (milliseconds) for the script's table.
 */
public final class RenderCost {
    private RenderCost() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        Period period = Period.parse(args[1]);
        Path work = Path.of(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();

        Settings settings = ConfigLoader.load(config);
        ResourceBundle labels = Labels.load(settings.templatesDir(), settings.language());
        OutputFormats formats = new OutputFormats(java.util.EnumSet.of(OutputFormats.Format.PDF, OutputFormats.Format.XLSX));
        Figures figures = Figures.of(settings, period);
        List<Map<String, Object>> units = unitParameters(settings, figures, labels);

        TemplateCache cache = new TemplateCache();
        JasperRenderer renderer = new JasperRenderer(settings.templatesDir(), cache, settings.templateLimits());
        renderer.compileUnit(); // compiling is not part of either side's cost
        JasperAlone alone = new JasperAlone(settings.templatesDir(), cache, labels);

        Path bantinDir = Files.createDirectories(work.resolve("bantin"));
        Path jasperDir = Files.createDirectories(work.resolve("jasper"));
        // Warm-up: one pass of each, so that both are measured with compiled code.
        for (int i = 0; i < units.size(); i++) {
            renderer.renderUnit(units.get(i), labels, formats, bantinDir, "u" + i);
            alone.render(units.get(i), jasperDir, "u" + i);
        }
        long bantin = 0;
        long jasper = 0;
        List<Double> bantinRounds = new ArrayList<>();
        List<Double> jasperRounds = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long roundBantin = 0;
            long roundJasper = 0;
            for (int i = 0; i < units.size(); i++) {
                boolean bantinFirst = (i + r) % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    long t0 = System.nanoTime();
                    if ((side == 0) == bantinFirst) {
                        renderer.renderUnit(units.get(i), labels, formats, bantinDir, "u" + i);
                        roundBantin += System.nanoTime() - t0;
                    } else {
                        alone.render(units.get(i), jasperDir, "u" + i);
                        roundJasper += System.nanoTime() - t0;
                    }
                }
            }
            bantinRounds.add(roundBantin / 1e6 / units.size());
            jasperRounds.add(roundJasper / 1e6 / units.size());
            bantin += roundBantin;
            jasper += roundJasper;
        }
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            unitParameters(settings, figures, labels);
        }
        double parameters = (System.nanoTime() - t0) / 1e6 / rounds / units.size();

        System.out.printf(Locale.ROOT, "units %d%n", units.size());
        System.out.printf(Locale.ROOT, "bantin_ms %.2f%n", median(bantinRounds));
        System.out.printf(Locale.ROOT, "jasper_ms %.2f%n", median(jasperRounds));
        System.out.printf(Locale.ROOT, "parameters_ms %.3f%n", parameters);
        System.out.printf(Locale.ROOT, "bantin_rounds %s%n", bantinRounds);
        System.out.printf(Locale.ROOT, "jasper_rounds %s%n", jasperRounds);

        // The unit bulletins of a run, on one thread and on the pool a run uses, warm: wall time of all of them.
        List<Double> one = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            boolean oneFirst = r % 2 == 0;
            for (int side = 0; side < 2; side++) {
                int n = (side == 0) == oneFirst ? 1 : threads;
                double ms = allUnits(renderer, units, labels, formats, bantinDir, n);
                (n == 1 ? one : many).add(ms);
            }
        }
        System.out.printf(Locale.ROOT, "threads %d%n", threads);
        System.out.printf(Locale.ROOT, "all_1_ms %.0f%n", median(one));
        System.out.printf(Locale.ROOT, "all_n_ms %.0f%n", median(many));
    }

    private static double allUnits(JasperRenderer renderer, List<Map<String, Object>> units, ResourceBundle labels,
                                   OutputFormats formats, Path dir, int threads) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                int u = i;
                pending.add(pool.submit(() -> renderer.renderUnit(units.get(u), labels, formats, dir, "t" + u)));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /**
     * The parameters of every unit that has a recipient of its bulletin, as a run builds them: the ranks and the
     * comparisons worked out once for all units.
     */
    private static List<Map<String, Object>> unitParameters(Settings settings, Figures f, ResourceBundle labels) {
        Rankings rankings = Rankings.of(f.now);
        Comparison previous = Comparison.of(f.previous);
        Comparison yearAgo = Comparison.of(f.yearAgo);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String code : unitCodes(settings)) {
            Unit unit = f.data.tree().find(code).orElse(null);
            if (unit != null) {
                out.add(UnitParameters.build(unit, f.now, rankings, previous, yearAgo, f.data.tree(), f.context, labels));
            }
        }
        return out;
    }

    private static Set<String> unitCodes(Settings settings) {
        Set<String> codes = new LinkedHashSet<>();
        for (Recipient r : settings.recipients()) {
            if (r.bulletins().contains("unit") && r.unit() != null && !r.unit().isEmpty()) {
                codes.add(r.unit());
            }
        }
        return codes;
    }

    /** The figures of the period, the previous one and a year earlier, as {@code preview} computes them. */
    private record Figures(Gathering.Gathered data, Indicators now, Indicators previous, Indicators yearAgo,
                           BulletinContext context) {
        static Figures of(Settings settings, Period period) {
            LocalDateTime readAt = LocalDateTime.now(settings.zone());
            Gathering.Gathered data = Gathering.gather(settings.sourceOptions(),
                    List.of(period, period.previous(), period.sameLastYear()), settings.method().localityLevel(), r -> { },
                    RunListener.QUIET, Gathering.Setup766.of(settings, readAt.toLocalDate()));
            IndicatorEngine engine = new IndicatorEngine(settings.targets(), settings.method());
            Indicators now = engine.compute(data.tree(), data.tally());
            Indicators previous = Readiness.covers(data.stats(), period.previous())
                    ? engine.compute(data.tree(), data.tallies().get(period.previous())) : null;
            Indicators yearAgo = Readiness.covers(data.stats(), period.sameLastYear())
                    ? engine.compute(data.tree(), data.tallies().get(period.sameLastYear())) : null;
            BulletinContext ctx = new BulletinContext(settings.organisation(), readAt.toLocalDate(), readAt,
                    BulletinRun.summaries(data.stats()), Scoring766Step.compute(settings, data, period), data.newLevels())
                    .madeIn(settings.zone());
            return new Figures(data, now, previous, yearAgo, ctx);
        }
    }

    /**
     * JasperReports as its documentation shows it: a context that finds the templates' styles and images in their
     * folder, fill, export. The same compiled reports and parameters as bantin's, the same exporter settings.
     */
    private static final class JasperAlone {
        private final SimpleJasperReportsContext context = new SimpleJasperReportsContext();
        private final JasperReport unit;
        private final List<JasperReport> sheets = new ArrayList<>();
        private final List<String> sheetNames = new ArrayList<>();
        private final ResourceBundle labels;
        private final Locale locale;

        JasperAlone(Path templatesDir, TemplateCache cache, ResourceBundle labels) throws IOException {
            context.setExtensions(RepositoryService.class,
                    List.of(new FileRepositoryService(context, templatesDir.toAbsolutePath().toString(), false)));
            context.setExtensions(PersistenceServiceFactory.class, List.of(FileRepositoryPersistenceServiceFactory.getInstance()));
            this.unit = cache.get(templatesDir.resolve("unit.jrxml"));
            try (Stream<Path> files = Files.list(templatesDir.resolve("unit-workbook"))) {
                for (Path sheet : files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList()) {
                    JasperReport report = cache.get(sheet);
                    sheets.add(report);
                    sheetNames.add(labels.getString(report.getProperty("bantin.sheet.name")).strip());
                }
            }
            this.labels = labels;
            this.locale = Locale.forLanguageTag(labels.containsKey("bulletin.locale")
                    ? labels.getString("bulletin.locale").strip() : "vi-VN");
        }

        void render(Map<String, Object> values, Path dir, String stem) throws Exception {
            JasperFillManager fill = JasperFillManager.getInstance(context);
            JasperPrint print = fill.fill(unit, parameters(values), new JREmptyDataSource(1));
            JRPdfExporter pdf = new JRPdfExporter(context);
            pdf.setExporterInput(new SimpleExporterInput(print));
            pdf.setExporterOutput(new SimpleOutputStreamExporterOutput(dir.resolve(stem + ".pdf").toFile()));
            SimplePdfExporterConfiguration pdfConfiguration = new SimplePdfExporterConfiguration();
            pdfConfiguration.setMetadataTitle(labels.getString("report.title"));
            pdfConfiguration.setDisplayMetadataTitle(true);
            pdfConfiguration.setMetadataCreator("bantin");
            pdf.setConfiguration(pdfConfiguration);
            pdf.exportReport();

            List<ExporterInputItem> filled = new ArrayList<>();
            for (JasperReport sheet : sheets) {
                Map<String, Object> p = parameters(values);
                p.put(JRParameter.IS_IGNORE_PAGINATION, Boolean.TRUE);
                filled.add(new SimpleExporterInputItem(fill.fill(sheet, p, rows(sheet, values))));
            }
            JRXlsxExporter xlsx = new JRXlsxExporter(context);
            xlsx.setExporterInput(new SimpleExporterInput(filled));
            xlsx.setExporterOutput(new SimpleOutputStreamExporterOutput(dir.resolve(stem + ".xlsx").toFile()));
            SimpleXlsxReportConfiguration c = new SimpleXlsxReportConfiguration();
            c.setSheetNames(sheetNames.toArray(String[]::new));
            c.setOnePagePerSheet(false);
            c.setDetectCellType(true);
            c.setRemoveEmptySpaceBetweenRows(true);
            c.setRemoveEmptySpaceBetweenColumns(true);
            c.setWhitePageBackground(false);
            c.setCollapseRowSpan(false);
            xlsx.setConfiguration(c);
            xlsx.exportReport();
        }

        private Map<String, Object> parameters(Map<String, Object> values) {
            Map<String, Object> p = new HashMap<>(values);
            p.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels);
            p.put(JRParameter.REPORT_LOCALE, locale);
            return p;
        }

        @SuppressWarnings("unchecked")
        private static JRDataSource rows(JasperReport sheet, Map<String, Object> values) {
            String key = sheet.getProperty("bantin.rows");
            if (key == null) {
                return new JREmptyDataSource(1);
            }
            Object rows = values.get(key);
            return new JRMapCollectionDataSource(rows == null ? List.of() : (Collection<Map<String, ?>>) rows);
        }
    }
}
