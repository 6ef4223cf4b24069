package vn.bantin.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRElementGroup;
import net.sf.jasperreports.engine.JRStaticText;
import net.sf.jasperreports.engine.JRTextField;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.fill.JRExpressionEvalException;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.JRElementsVisitor;
import net.sf.jasperreports.engine.util.JRFontNotFoundException;
import net.sf.jasperreports.engine.util.UniformElementVisitor;

/**
 * A bulletin that could not be filled, or should not be sent, said at the line to correct: the expression that failed
 * or printed {@code null}, the label whose sentence pattern is broken, the style that names a font the PDF cannot embed.
 */
final class FillProblems {
    private static final Pattern FONT_NOT_AVAILABLE = Pattern.compile("Font \"(.+?)\" is not available");
    private static final String USE_EMBEDDABLE = "use a font family of a font extension, such as \"Times New Roman\""
            + " (Decree 30's font, drawn with Liberation Serif) or \"DejaVu Serif\"";


    private FillProblems() {
    }

    /**
     * A fill that failed, at the line of the expression that failed (as the editor wrote it), of the label whose
     * sentence pattern is broken, or of the style that names a font that is not there.
     */
    static ReportException fillFailure(Path templatesDir, Path template, ResourceBundle labels, Exception e) {
        Optional<TemplateSource> source = TemplateSource.read(template);
        MissingResourceException missing = causeOfType(e, MissingResourceException.class);
        if (missing != null) {
            String use = source.flatMap(s -> s.uses().stream().filter(u -> u.kind() == 'R' && u.name().equals(missing.getKey()))
                    .findFirst()).map(u -> template + ":" + u.line() + ": ").orElse(template + ":1: ");
            return ReportException.located(template, use + "$R{" + missing.getKey() + "} reads label '" + missing.getKey()
                    + "', which the label file does not have", e);
        }
        JRFontNotFoundException font = causeOfType(e, JRFontNotFoundException.class);
        Matcher fontName = FONT_NOT_AVAILABLE.matcher(font == null ? "" : String.valueOf(font.getMessage()));
        if (fontName.find()) {
            List<String> at = fonts(templatesDir, template, f -> f.name().equals(fontName.group(1)),
                    "\", which is not installed, so the PDF could not show it; " + USE_EMBEDDABLE);
            if (!at.isEmpty()) {
                return ReportException.located(template, String.join("\n", at), e);
            }
        }
        JRExpressionEvalException failed = causeOfType(e, JRExpressionEvalException.class);
        if (failed != null && failed.getExpression() != null && source.isPresent()) {
            String text = failed.getExpression().getText();
            int line = source.get().lineOf(text);
            String why = ReportException.describe(failed.getCause() == null ? failed : failed.getCause());
            List<String> patterns = brokenPatterns(templatesDir, source.get(), text, labels);
            if (!patterns.isEmpty()) {
                return ReportException.located(template, String.join("\n", patterns), e);
            }
            return ReportException.located(template, template + ":" + line + ": the expression cannot be filled: " + why
                    + ", in: " + TemplateSource.brief(text), e);
        }
        return ReportException.inTemplate(template, "cannot be filled", e);
    }

    /**
     * A filled bulletin whose text holds {@code null}, an unfilled {@code {0}} or a {@code $R{…}}: at the line of each
     * text field that printed it, with its expression as written.
     */
    static ReportException unfilled(Path template, JasperReport report, List<FilledTexts.Unfilled> found) {
        Map<UUID, String> expressions = new HashMap<>();
        JRElementsVisitor.visitReport(report, new UniformElementVisitor() {
            @Override
            public void visitElementGroup(JRElementGroup group) {
                // its elements are visited one by one
            }

            @Override
            protected void visitElement(JRElement element) {
                if (element instanceof JRTextField field && field.getExpression() != null) {
                    expressions.put(element.getUUID(), field.getExpression().getText());
                } else if (element instanceof JRStaticText text && text.getText() != null) {
                    expressions.put(element.getUUID(), text.getText());
                }
            }
        });
        Optional<TemplateSource> source = TemplateSource.read(template);
        Map<String, String> located = new LinkedHashMap<>();
        for (FilledTexts.Unfilled u : found) {
            String expression = expressions.get(u.element());
            int line = expression == null ? 1 : source.map(s -> s.lineOf(expression)).orElse(1);
            String from = expression == null ? "" : ", from: " + TemplateSource.brief(expression);
            located.putIfAbsent(line + u.found(), template + ":" + line + ": the filled bulletin prints \"" + u.found()
                    + "\" (page " + u.page() + ": \"" + TemplateSource.brief(u.text()) + "\")" + from
                    + "; a field, parameter or label the program does not supply prints so, and a sentence pattern needs"
                    + " msg(...) to fill its {0}: run templates check");
            if (located.size() == 3) {
                break;
            }
        }
        return ReportException.located(template, String.join("\n", located.values()), null);
    }

    /** The labels an expression reads whose text is not a valid sentence pattern, at their line of the label file. */
    private static List<String> brokenPatterns(Path templatesDir, TemplateSource source, String expression,
                                               ResourceBundle labels) {
        List<String> broken = new ArrayList<>();
        for (TemplateSource.Use use : source.uses()) {
            String k = use.name();
            boolean inIt = use.kind() == 'R' && use.in().text().strip().equals(expression.strip());
            String problem = inIt && labels.containsKey(k) ? Labels.patternProblem(labels.getString(k)) : null;
            if (problem != null) {
                String readAt = source.file() + ":" + use.line();
                broken.add(labelLine(templatesDir, k, labels.getString(k)) + ": label '" + k + "' (read at " + readAt
                        + ") is not a valid sentence pattern: " + problem);
            }
        }
        return broken;
    }

    /** {@code file:line} of the label file line that gives {@code key} this value. */
    private static String labelLine(Path templatesDir, String key, String value) {
        Path folder = templatesDir.resolve("labels");
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList()) {
                int line = Labels.lineOf(file, key);
                if (line > 0 && value.equals(Labels.load(templatesDir, languageOf(file)).getString(key))) {
                    return file + ":" + line;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no line then
        }
        return folder.resolve("bulletin_*.properties").toString();
    }

    private static String languageOf(Path labelFile) {
        return labelFile.getFileName().toString().replaceAll("^bulletin_|\\.properties$", "");
    }

    /**
     * A PDF that came out with fonts it could not embed, at the line of each style or element of the template and its
     * style files that names a font no font extension provides.
     */
    static ReportException fontsNotEmbedded(Path templatesDir, Path template, Set<String> notEmbedded) {
        // JasperReports' own "Serif", "SansSerif" families are extension families too, but print as Helvetica.
        List<String> at = fonts(templatesDir, template, FillProblems::notEmbeddable,
                "\", which is not embedded in the PDF (it came out as " + notEmbedded
                        + "): no font extension embeds it, so readers would lose the Vietnamese diacritics; " + USE_EMBEDDABLE);
        return at.isEmpty()
                ? ReportException.inTemplate(template, "uses fonts that are not embedded in the PDF " + notEmbedded
                        + ", so readers would lose the Vietnamese diacritics; " + USE_EMBEDDABLE, null)
                : ReportException.located(template, String.join("\n", at), null);
    }

    /**
     * Every font the template and its style files name that no font extension embeds, at its line, though the PDF came
     * out with embedded fonts only: a chart draws its text with whatever font the server has under that name, and a
     * style of a band that printed nothing this time may print next time.
     */
    static void requireEmbeddableFonts(Path templatesDir, Path template) {
        List<String> at = fonts(templatesDir, template, FillProblems::notEmbeddable, "\", which no font extension embeds"
                + " in the PDF (a chart would draw it with whatever font the server has, or none with Vietnamese); "
                + USE_EMBEDDABLE);
        if (!at.isEmpty()) {
            throw ReportException.located(template, String.join("\n", at), null);
        }
    }

    private static boolean notEmbeddable(TemplateSource.Font font) {
        var info = FontUtil.getInstance(DefaultJasperReportsContext.getInstance()).getFontInfo(font.name(), null);
        return info == null || !Boolean.TRUE.equals(info.getFontFamily().isPdfEmbedded());
    }

    /** Each font setting of the template and of the style files it names that {@code wrong} picks, said with its place. */
    private static List<String> fonts(Path templatesDir, Path template, Predicate<TemplateSource.Font> wrong,
                                      String why) {
        List<String> at = new ArrayList<>();
        Optional<TemplateSource> source = TemplateSource.read(template);
        List<TemplateSource> sources = new ArrayList<>();
        source.ifPresent(s -> {
            for (String name : s.styleTemplates()) {
                Path beside = template.resolveSibling(name);
                TemplateSource.read(Files.exists(beside) ? beside : templatesDir.resolve(name)).ifPresent(sources::add);
            }
            sources.add(s);
        });
        for (TemplateSource s : sources) {
            for (TemplateSource.Font f : s.fonts()) {
                if (wrong.test(f)) {
                    at.add(s.file() + ":" + f.line() + ": " + (f.style() == null ? "an element" : "style '" + f.style() + "'")
                            + " uses font \"" + f.name() + why);
                }
            }
        }
        return at;
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
