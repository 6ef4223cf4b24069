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
import vn.bantin.report.TemplateCache;
import vn.bantin.report.Labels;
import vn.bantin.report.ProvinceParameters;
import vn.bantin.report.OutputFormats;
import vn.bantin.report.ReportException;
import vn.bantin.report.TemplateDeclarations;
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
        JasperRenderer renderer = new JasperRenderer(settings.templatesDir(), new TemplateCache(), settings.templateLimits());
        ResourceBundle labels;
        try {
            labels = Labels.load(settings.templatesDir(), settings.language());
        } catch (ReportException e) {
            return List.of(Labels.file(settings.templatesDir(), settings.language()) + ":1: " + e.getMessage());
        }
        // What Jasper would not stop at but print as "null": names and labels the program does not supply.
        problems.addAll(TemplateDeclarations.problems(settings.templatesDir(), labels,
                Labels.file(settings.templatesDir(), settings.language())));
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
                add(problems, TemplateProblems.describe(template, e));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        var data = Gathering.gather(settings.sourceOptions(), List.of(period), settings.method().localityLevel(), r -> { },
                RunListener.QUIET, Gathering.Setup766.of(settings, null));
        Indicators in = new IndicatorEngine(settings.targets(), settings.method()).compute(data.tree(), data.tally());
        BulletinContext ctx = new BulletinContext(settings.organisation(), period.end(), period.end().atStartOfDay(), List.of(),
                Scoring766Step.compute(settings, data, period), data.newLevels());
        Map<String, Object> province;
        Map<String, Object> unitValues;
        try {
            province = new ProvinceParameters(labels).build(in, data.tree(), ctx);
            Unit unit = data.tree().units().iterator().next();
            unitValues = UnitParameters.build(unit, in, (Indicators) null, null, data.tree(), ctx, labels);
        } catch (ReportException e) {
            // A word the program itself looks up (a level's name, "Đạt") is missing from the label file.
            problems.add(Labels.file(settings.templatesDir(), settings.language()) + ": " + e.getMessage());
            return problems;
        }
        Path out = Files.createTempDirectory("bantin-check-");
        // The Word document too when configured: its export can fail where the PDF's does not.
        OutputFormats fromTemplate = settings.outputFormats().fromTemplate();
        check(problems, settings, "province.jrxml", () -> renderer.renderProvince(province, labels, fromTemplate, out, "p"));
        check(problems, settings, "workbook", () -> renderer.renderProvinceXlsx(province, labels, out.resolve("p.xlsx")));
        check(problems, settings, "unit.jrxml", () -> renderer.renderUnit(unitValues, labels, fromTemplate, out, "u"));
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
            add(problems, e.template() != null ? TemplateProblems.describe(e)
                    : TemplateProblems.describe(settings.templatesDir().resolve(what), e));
        }
    }

    /** A template's problems come one per line: each counts, and each keeps its own file:line. */
    private static void add(List<String> problems, String described) {
        problems.addAll(described.lines().toList());
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
