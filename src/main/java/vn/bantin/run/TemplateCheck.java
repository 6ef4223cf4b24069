package vn.bantin.run;

import static vn.bantin.run.RunRequest.PROVINCE;
import static vn.bantin.run.RunRequest.UNIT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import vn.bantin.config.Settings;
import vn.bantin.delivery.EmailTemplateException;
import vn.bantin.delivery.MessageComposer;
import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Unit;
import vn.bantin.report.BulletinContext;
import vn.bantin.report.JasperRenderer;
import vn.bantin.report.Labels;
import vn.bantin.report.ProvinceParameters;
import vn.bantin.report.ReportException;
import vn.bantin.report.TemplateProblems;
import vn.bantin.report.UnitParameters;

/**
 * {@code templates check}: compiles every template, then fills the province and one unit bulletin (PDF and workbook)
 * with data, into a throw-away folder. Each problem comes back as {@code file:line: what is wrong}.
 */
public final class TemplateCheck {
    private TemplateCheck() {
    }

    public static List<String> problems(Settings settings, Period period) throws IOException {
        List<String> problems = new ArrayList<>();
        JasperRenderer renderer = new JasperRenderer(settings.templatesDir());
        ResourceBundle labels;
        try {
            labels = Labels.load(settings.templatesDir(), settings.language());
        } catch (ReportException e) {
            return List.of(Labels.file(settings.templatesDir(), settings.language()) + ":1: " + e.getMessage());
        }
        try {
            OperatorWords.of(settings);
        } catch (ReportException e) {
            problems.add(OperatorWords.file(settings.templatesDir(), settings.language()) + ":1: " + e.getMessage());
        }
        for (Path styles : files(settings.templatesDir(), ".jrtx")) {
            String problem = TemplateProblems.notWellFormed(styles);
            if (problem != null) {
                problems.add(problem);
            }
        }
        for (Path template : files(settings.templatesDir(), ".jrxml")) {
            try {
                renderer.templates().get(template);
            } catch (ReportException e) {
                problems.add(TemplateProblems.describe(template, e));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        var data = Gathering.gather(settings.sourceOptions(), period, settings.method().localityLevel(), r -> { }, RunListener.QUIET);
        Indicators in = new IndicatorEngine(settings.targets(), settings.method()).compute(data.tree(), data.tally());
        BulletinContext ctx = new BulletinContext(settings.organisation(), period.end(), period.end().atStartOfDay(), List.of());
        Path out = Files.createTempDirectory("bantin-check-");
        Map<String, Object> province = new ProvinceParameters(labels).build(in, data.tree(), ctx);
        check(problems, settings, "province.jrxml", () -> renderer.renderProvincePdf(province, labels, out.resolve("p.pdf")));
        check(problems, settings, "workbook", () -> renderer.renderProvinceXlsx(province, labels, out.resolve("p.xlsx")));
        Unit unit = data.tree().units().iterator().next();
        Map<String, Object> unitValues = UnitParameters.build(unit, in, (Indicators) null, null, data.tree(), ctx, labels);
        check(problems, settings, "unit.jrxml", () -> renderer.renderUnitPdf(unitValues, labels, out.resolve("u.pdf")));
        check(problems, settings, "unit-workbook", () -> renderer.renderUnitXlsx(unitValues, labels, out.resolve("u.xlsx")));
        checkEmail(problems, settings, PROVINCE, province);
        checkEmail(problems, settings, UNIT, unitValues);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
        return problems;
    }

    private static void check(List<String> problems, Settings settings, String what, Runnable render) {
        try {
            render.run();
        } catch (ReportException e) {
            problems.add(e.template() != null ? TemplateProblems.describe(e)
                    : TemplateProblems.describe(settings.templatesDir().resolve(what), e));
        }
    }

    /** Fills the email subject and bodies of a bulletin with its values, as a run does before the first message goes out. */
    private static void checkEmail(List<String> problems, Settings settings, String bulletin, Map<String, Object> values) {
        try {
            new MessageComposer(settings.templatesDir(), settings.language()).check(bulletin, values);
        } catch (EmailTemplateException e) {
            problems.add(e.getMessage());
        }
    }

    private static List<Path> files(Path dir, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }
}
