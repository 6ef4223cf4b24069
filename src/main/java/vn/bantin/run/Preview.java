package vn.bantin.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import vn.bantin.config.Settings;
import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Unit;
import vn.bantin.report.BulletinContext;
import vn.bantin.report.JasperRenderer;
import vn.bantin.report.TemplateCache;
import vn.bantin.report.Labels;
import vn.bantin.report.PagePictures;
import vn.bantin.report.ProvinceParameters;
import vn.bantin.report.UnitParameters;

/**
 * Renders one bulletin with the data at hand into a preview folder, with a PNG of each page. It records nothing and
 * sends nothing: it is for whoever edits a template.
 */
public final class Preview {
    private Preview() {
    }

    /** {@code unitCode} null: the province bulletin. Returns the files written: PDF, workbook and Word document as configured, page pictures. */
    public static List<Path> render(Settings settings, Period period, String unitCode, Path folder) throws IOException {
        ResourceBundle labels = Labels.load(settings.templatesDir(), settings.language());
        JasperRenderer renderer = new JasperRenderer(settings.templatesDir(), new TemplateCache(), settings.templateLimits());
        List<Period> periods = unitCode == null ? List.of(period) : List.of(period, period.previous(), period.sameLastYear());
        LocalDateTime readAt = LocalDateTime.now(settings.zone());
        Gathering.Gathered data = Gathering.gather(settings.sourceOptions(), periods, settings.method().localityLevel(),
                r -> { }, RunListener.QUIET, Gathering.Setup766.of(settings, readAt.toLocalDate()));
        IndicatorEngine engine = new IndicatorEngine(settings.targets(), settings.method());
        Indicators now = engine.compute(data.tree(), data.tally());
        BulletinContext ctx = new BulletinContext(settings.organisation(), readAt.toLocalDate(), readAt,
                BulletinRun.summaries(data.stats()), Scoring766Step.compute(settings, data, period), data.newLevels()).madeIn(settings.zone());
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        if (unitCode == null) {
            Map<String, Object> values = new ProvinceParameters(labels).build(now, data.tree(), ctx);
            written.addAll(renderer.renderProvince(values, labels, settings.outputFormats(), folder,
                    "preview-" + period.key() + "-tinh"));
        } else {
            Unit unit = data.tree().find(unitCode).orElseThrow(() -> new IllegalArgumentException(
                    "unit " + unitCode + " is not in " + settings.sourceOptions().format(vn.bantin.source.SourceFile.UNITS).fileName()));
            Indicators previous = Readiness.covers(data.stats(), period.previous())
                    ? engine.compute(data.tree(), data.tallies().get(period.previous())) : null;
            Indicators yearAgo = Readiness.covers(data.stats(), period.sameLastYear())
                    ? engine.compute(data.tree(), data.tallies().get(period.sameLastYear())) : null;
            Map<String, Object> values = UnitParameters.build(unit, now, previous, yearAgo, data.tree(), ctx, labels);
            String stem = "preview-" + period.key() + "-" + unitCode.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            written.addAll(renderer.renderUnit(values, labels, settings.outputFormats(), folder, stem));
        }
        written.addAll(PagePictures.write(written.get(0), 80));
        return written;
    }
}
