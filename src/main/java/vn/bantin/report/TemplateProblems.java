package vn.bantin.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns a template's failure into {@code file:line: what is wrong}, the form an editor jumps to: the XML parser's
 * line, or the first line that uses the parameter, field, variable, label or name the compiler complains about.
 */
public final class TemplateProblems {
    private static final Pattern XML_LINE = Pattern.compile("line (\\d+), column \\d+: (.*)", Pattern.DOTALL);
    /** JasperReports 7 reads a JRXML with Jackson, which names an element it does not know and where it stands. */
    private static final Pattern UNKNOWN_ELEMENT = Pattern.compile(
            "Unrecognized field \"([^\"]+)\" \\(class [\\w.$]+\\), not marked as ignorable(?: \\((\\d+) known properties: ([^)\\]]*)\\]?\\))?"
            + ".*?line: (\\d+), column: \\d+", Pattern.DOTALL);
    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("Parameter not found : (\\S+)"), Pattern.compile("Field not found : (\\S+)"),
            Pattern.compile("Variable not found : (\\S+)"), Pattern.compile("uses label '([^']+)'"),
            Pattern.compile("The method (\\w+)\\("), Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("Class ([\\w.$]+) is not visible"));

    private TemplateProblems() {
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
        Matcher unknown = UNKNOWN_ELEMENT.matcher(message);
        if (unknown.find()) {
            String known = unknown.group(3) == null ? "" : " (expected here: " + unknown.group(3).replace("\"", "").strip() + ")";
            return template + ":" + unknown.group(4) + ": unknown element or attribute '" + unknown.group(1) + "'" + known
                    + "; check its spelling against the JasperReports 7 samples";
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
