package vn.bantin.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRElementGroup;
import net.sf.jasperreports.engine.JRStaticText;
import net.sf.jasperreports.engine.JRTextField;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRElementsVisitor;
import net.sf.jasperreports.engine.util.UniformElementVisitor;
import net.sf.jasperreports.engine.fill.JRExpressionEvalException;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.util.JRFontNotFoundException;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns a template's failure into {@code file:line: what is wrong}, the form an editor jumps to: the XML parser's
 * line, or the first line that uses the parameter, field, variable, label or name the compiler complains about.
 */
public final class TemplateProblems {
    private static final Pattern XML_LINE = Pattern.compile("line (\\d+), column \\d+: (.*)", Pattern.DOTALL);
    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("Parameter not found : (\\S+)"), Pattern.compile("Field not found : (\\S+)"),
            Pattern.compile("Variable not found : (\\S+)"), Pattern.compile("uses label '([^']+)'"),
            Pattern.compile("The method (\\w+)\\("), Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("Class ([\\w.$]+) is not visible"));

    /** One error of the Java compiler: its message, then the line of generated code, tagged with the expression's id. */
    private static final Pattern COMPILER_ERROR = Pattern.compile("(?m)^\\d+\\. (.+)\\R(.*?)\\s*//\\$JR_EXPR_ID=\\d+\\$");
    /** How the generated code reads a parameter, field or variable: {@code ((java.lang.String)parameter_x.getValue())}. */
    private static final Pattern GENERATED_VALUE = Pattern.compile(
            "\\(\\([\\w.$\\[\\]<>?, ]+\\)(parameter|field|variable)_(\\w+)\\.get(?:Old|Estimated)?Value\\(\\)\\)");
    private static final Pattern GENERATED_LABEL = Pattern.compile("\\bstr\\(\"([^\"]*)\"\\)");
    private static final Pattern NOT_FOUND = Pattern.compile("(Parameter|Field|Variable) not found : (\\S+)");
    private static final Pattern FONT_NOT_AVAILABLE = Pattern.compile("Font \"(.+?)\" is not available");
    private static final String USE_EMBEDDABLE = "use a font family of a font extension, such as \"DejaVu Serif\" or"
            + " \"DejaVu Serif Condensed\"";

    private TemplateProblems() {
    }

    /**
     * A template that does not compile, at the line of each expression at fault, as the editor wrote it (the compiler
     * speaks of generated code), or of each name used where its data set does not declare it.
     */
    static ReportException compileFailure(Path template, Exception e) {
        String message = String.valueOf(e.getMessage());
        Optional<TemplateSource> source = TemplateSource.read(template);
        Set<String> located = new LinkedHashSet<>();
        source.ifPresent(s -> {
            Matcher error = COMPILER_ERROR.matcher(message);
            while (error.find()) {
                String written = asWritten(error.group(2)).strip();
                int line = s.lineWith(written);
                located.add(template + ":" + (line > 0 ? line : 1) + ": the expression does not compile: "
                        + error.group(1).strip() + ", in: " + TemplateSource.brief(written));
            }
            Matcher notFound = NOT_FOUND.matcher(message);
            while (notFound.find()) {
                located.add(undeclared(s, notFound.group(1).toLowerCase(Locale.ROOT), notFound.group(2)));
            }
        });
        return located.isEmpty() ? ReportException.inTemplate(template, "does not compile", e)
                : ReportException.located(template, String.join("\n", located), e);
    }

    /** The generated line of code turned back into what the editor wrote: {@code $P{x}}, {@code $R{key}}. */
    private static String asWritten(String generated) {
        // A one-line expression is generated as "value = <expression>;".
        String statement = generated.strip().replaceFirst("^value = ", "").replaceFirst(";$", "");
        String text = GENERATED_VALUE.matcher(statement).replaceAll(m -> Matcher.quoteReplacement(
                "$" + Character.toUpperCase(m.group(1).charAt(0)) + "{" + m.group(2) + "}"));
        return GENERATED_LABEL.matcher(text).replaceAll(m -> Matcher.quoteReplacement("$R{" + m.group(1) + "}"));
    }

    /** Where {@code $F{name}} (or $P, $V) is used in a data set that does not declare it: a table reads its own. */
    private static String undeclared(TemplateSource source, String kind, String name) {
        char letter = Character.toUpperCase(kind.charAt(0));
        List<TemplateSource.Use> uses = source.uses().stream().filter(u -> u.kind() == letter && u.name().equals(name)).toList();
        Optional<TemplateSource.Use> wrong = uses.stream()
                .filter(u -> source.declaration(kind, u.in().dataset(), name).isEmpty()).findFirst();
        TemplateSource.Use use = wrong.or(() -> uses.stream().findFirst()).orElse(null);
        if (use == null) {
            return source.file() + ":1: " + kind + " '" + name + "' is not declared";
        }
        String where = use.in().dataset() == null ? "the report's own data set"
                : "sub-dataset '" + use.in().dataset() + "' (the table or chart filled from it)";
        return source.file() + ":" + use.line() + ": $" + letter + "{" + name + "} is used in " + where + ", which declares no "
                + kind + " '" + name + "'; correct the name, or declare it under <dataset name=\"" + use.in().dataset()
                + "\">".replace("<dataset name=\"null\">", "<jasperReport>") + ", in: " + TemplateSource.brief(use.in().text());
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
            int line = source.get().expression(text).map(TemplateSource.Expression::line)
                    .orElseGet(() -> Math.max(1, source.get().lineWith(text.strip().lines().findFirst().orElse(""))));
            String why = ReportException.describe(failed.getCause() == null ? failed : failed.getCause());
            List<String> patterns = brokenPatterns(templatesDir, template + ":" + line, text, labels);
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
        java.util.Map<java.util.UUID, String> expressions = new java.util.HashMap<>();
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
        java.util.Map<String, String> located = new java.util.LinkedHashMap<>();
        for (FilledTexts.Unfilled u : found) {
            String expression = expressions.get(u.element());
            int line = expression == null ? 1 : source.flatMap(s -> s.expression(expression)).map(TemplateSource.Expression::line)
                    .orElseGet(() -> source.map(s -> Math.max(1, s.lineWith(expression.strip().lines().findFirst().orElse(""))))
                            .orElse(1));
            located.putIfAbsent(line + u.found(), template + ":" + line + ": the filled bulletin prints \"" + u.found() + "\" (page " + u.page() + ": \""
                    + TemplateSource.brief(u.text()) + "\")" + (expression == null ? "" : ", from: " + TemplateSource.brief(expression))
                    + "; a field, parameter or label the program does not supply prints so, and a sentence pattern needs"
                    + " msg(...) to fill its {0}: run templates check");
            if (located.size() == 3) {
                break;
            }
        }
        return ReportException.located(template, String.join("\n", located.values()), null);
    }

    /** The labels an expression reads whose text is not a valid sentence pattern, at their line of the label file. */
    private static List<String> brokenPatterns(Path templatesDir, String readAt, String expression, ResourceBundle labels) {
        List<String> broken = new ArrayList<>();
        Matcher key = Pattern.compile("\\$R\\{([^}]*)}").matcher(expression);
        while (key.find()) {
            String k = key.group(1);
            String problem = labels.containsKey(k) ? Labels.patternProblem(labels.getString(k)) : null;
            if (problem != null) {
                broken.add(labelLine(templatesDir, k, labels.getString(k)) + ": label '" + k + "' (read at " + readAt
                        + ") is not a valid sentence pattern: " + patternAdvice(problem));
            }
        }
        return broken;
    }

    /** The problem of a sentence pattern, with how to write one. */
    static String patternAdvice(String problem) {
        return problem.replaceAll("\\.$", "") + "; write the figures as {0}, {1}…, each { with its }, and a ' as ''";
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
        FontUtil fonts = FontUtil.getInstance(DefaultJasperReportsContext.getInstance());
        // JasperReports' own "Serif", "SansSerif" families are extension families too, but print as Helvetica.
        List<String> at = fonts(templatesDir, template, f -> {
            var info = fonts.getFontInfo(f.name(), null);
            return info == null || !Boolean.TRUE.equals(info.getFontFamily().isPdfEmbedded());
        },
                "\", which is not embedded in the PDF (it came out as " + notEmbedded
                        + "): no font extension embeds it, so readers would lose the Vietnamese diacritics; " + USE_EMBEDDABLE);
        return at.isEmpty()
                ? ReportException.inTemplate(template, "uses fonts that are not embedded in the PDF " + notEmbedded
                        + ", so readers would lose the Vietnamese diacritics; " + USE_EMBEDDABLE, null)
                : ReportException.located(template, String.join("\n", at), null);
    }

    /** Each font setting of the template and of the style files it names that {@code wrong} picks, said with its place. */
    private static List<String> fonts(Path templatesDir, Path template, java.util.function.Predicate<TemplateSource.Font> wrong,
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

    /** The problem as {@code file:line: what}, or as it is when it is no single template's. */
    public static String describe(ReportException e) {
        return e.template() == null ? e.getMessage() : describe(e.template(), e);
    }

    public static String describe(Path template, ReportException e) {
        if (e.isLocated()) {
            return e.getMessage();
        }
        String message = e.getMessage().replace("Template " + template + ": ", "").strip();
        Matcher xml = XML_LINE.matcher(message);
        if (xml.find()) {
            return template + ":" + xml.group(1) + ": not well-formed XML: " + xml.group(2).strip();
        }
        for (Pattern p : NAMES) {
            Matcher m = p.matcher(message);
            if (m.find()) {
                int line = firstLineWith(template, m.group(1));
                return template + ":" + (line > 0 ? line : 1) + ": " + firstLines(message);
            }
        }
        return template + ":1: " + firstLines(message);
    }

    /**
     * {@code file:line: not well-formed XML: …} for a style template or another XML file of the folder, or null when
     * it is well formed.
     */
    public static String notWellFormed(Path file) throws IOException {
        String problem = xmlProblem(Files.readAllBytes(file));
        return problem == null ? null : describe(new ReportException(file, "is not well-formed XML: " + problem, null));
    }

    /** Where and why the content is not well-formed XML, or null when it is. */
    static String xmlProblem(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
            builder.parse(new ByteArrayInputStream(content));
            return null;
        } catch (SAXParseException e) {
            return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return null;
        }
    }

    private static int firstLineWith(Path template, String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        try {
            List<String> lines = Files.readAllLines(template);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(name) || lines.get(i).contains(simple)) {
                    return i + 1;
                }
            }
        } catch (IOException ignored) {
            // no line then
        }
        return -1;
    }

    /** A compiler's message can run to pages; the first lines say what is wrong. */
    private static String firstLines(String message) {
        String[] lines = message.split("\\R");
        return String.join(" ", java.util.Arrays.copyOf(lines, Math.min(3, lines.length))).strip();
    }
}
