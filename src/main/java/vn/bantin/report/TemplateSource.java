package vn.bantin.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A JRXML template or a style file as its editor wrote it, with the line of everything a problem can be pinned to:
 * each declaration, each expression (and the data set its {@code $F{}} and {@code $P{}} refer to), each font and
 * report property. JasperReports' own model keeps no line numbers; this is what lets a message say
 * {@code province.jrxml:298} instead of {@code :1}.
 */
final class TemplateSource {
    /** A parameter, field or variable declared in the main data set ({@code dataset} null) or a sub-dataset. */
    record Declaration(String kind, String dataset, String name, int line) {
    }

    /** An expression's text and line, with the data set its names are looked up in (null: the report's own). */
    record Expression(String dataset, String text, int line) {
        /** The line of the file on which {@code offset} of the text falls. */
        int lineAt(int offset) {
            int newlines = 0;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    newlines++;
                }
            }
            return line + newlines;
        }
    }

    /** A {@code fontName} set on a style ({@code style} its name) or directly on an element ({@code style} null). */
    record Font(String name, String style, int line) {
    }

    /** A use of {@code $P{name}}, {@code $F{name}}, {@code $V{name}} or {@code $R{name}} in an expression. */
    record Use(char kind, String name, Expression in, int line) {
    }

    /** A report property, such as {@code bantin.sheet.name}. */
    record Property(String name, String value, int line) {
    }

    private static final Pattern USE = Pattern.compile("\\$([PFVR])\\{([^}]*)}");
    /** {@code str("key")} is what {@code $R{key}} compiles to; an editor may write it too. */
    private static final Pattern STR = Pattern.compile("\\bstr\\(\\s*\"([^\"]*)\"\\s*\\)");

    private final Path file;
    private final List<String> lines;
    private final List<Declaration> declarations = new ArrayList<>();
    private final List<Expression> expressions = new ArrayList<>();
    private final List<Font> fonts = new ArrayList<>();
    private final List<Property> properties = new ArrayList<>();
    private final List<String> styleTemplates = new ArrayList<>();

    private TemplateSource(Path file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    /** The template as it is on disk, or empty when it cannot be read or is not well-formed XML (reported elsewhere). */
    static Optional<TemplateSource> read(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            TemplateSource source = new TemplateSource(file, new String(content, StandardCharsets.UTF_8));
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new ByteArrayInputStream(content), source.new Reader());
            return Optional.of(source);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return Optional.empty();
        }
    }

    Path file() {
        return file;
    }

    List<Declaration> declarations() {
        return declarations;
    }

    List<Expression> expressions() {
        return expressions;
    }

    List<Font> fonts() {
        return fonts;
    }

    List<Property> properties() {
        return properties;
    }

    /** The style files the report names ({@code <template>"styles.jrtx"</template>}), as written. */
    List<String> styleTemplates() {
        return styleTemplates;
    }

    /** Every {@code $X{name}} (and {@code str("key")} as an R) in the expressions, in file order. */
    List<Use> uses() {
        List<Use> uses = new ArrayList<>();
        for (Expression e : expressions) {
            Matcher m = USE.matcher(e.text());
            while (m.find()) {
                uses.add(new Use(m.group(1).charAt(0), m.group(2), e, e.lineAt(m.start())));
            }
            Matcher str = STR.matcher(e.text());
            while (str.find()) {
                uses.add(new Use('R', str.group(1), e, e.lineAt(str.start())));
            }
        }
        uses.sort(Comparator.comparingInt(Use::line));
        return uses;
    }

    Optional<Declaration> declaration(String kind, String dataset, String name) {
        return declarations.stream().filter(d -> d.kind().equals(kind) && Objects.equals(d.dataset(), dataset)
                && d.name().equals(name)).findFirst();
    }

    /** The expression whose text is {@code text}, as JasperReports holds it. */
    Optional<Expression> expression(String text) {
        String wanted = text.strip();
        return expressions.stream().filter(e -> e.text().strip().equals(wanted)).findFirst();
    }

    /** The line where an expression with this text (as JasperReports holds it) starts, or else 1. */
    int lineOf(String expressionText) {
        return expression(expressionText).map(Expression::line)
                .orElseGet(() -> Math.max(1, lineWith(expressionText.strip().lines().findFirst().orElse(""))));
    }

    /** The first line holding {@code fragment} (compared without surrounding blanks), or -1. */
    int lineWith(String fragment) {
        String wanted = fragment.strip();
        for (int i = 0; i < lines.size(); i++) {
            if (!wanted.isEmpty() && lines.get(i).contains(wanted)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** An expression as the editor wrote it, on one line and short enough for a message. */
    static String brief(String expression) {
        String oneLine = expression.strip().replaceAll("\\s*\\R\\s*", " ");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }

    /** Reads elements, tracking which data set the expressions below each element refer to. */
    private final class Reader extends DefaultHandler {
        private Locator locator;
        private final Deque<Frame> open = new ArrayDeque<>();

        /** An open element; {@code scope} is the data set of its children, which a datasetRun child switches. */
        private static final class Frame {
            final String name;
            String scope;
            final StringBuilder text = new StringBuilder();
            int textLine = -1;
            boolean hasChildren;

            Frame(String name, String scope) {
                this.name = name;
                this.scope = scope;
            }
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Frame parent = open.peek();
            String scope = parent == null ? null : parent.scope;
            String parentName = parent == null ? "" : parent.name;
            int line = locator.getLineNumber();
            if (parent != null) {
                parent.hasChildren = true;
            }
            Frame frame = new Frame(qName, scope);
            String name = attributes.getValue("name");
            boolean declaringLevel = parentName.equals("jasperReport") || parentName.equals("dataset");
            if (qName.equals("dataset") && parentName.equals("jasperReport") && name != null) {
                frame.scope = name;
            } else if (declaringLevel && name != null
                    && (qName.equals("parameter") || qName.equals("field") || qName.equals("variable"))) {
                declarations.add(new Declaration(qName, scope, name, line));
            } else if (qName.equals("datasetRun") && parent != null && attributes.getValue("subDataset") != null) {
                // The run's own parameters are evaluated in the outer data set; its siblings (table columns, chart
                // series) in the sub-dataset.
                parent.scope = attributes.getValue("subDataset");
            } else if (qName.equals("property") && parentName.equals("jasperReport") && name != null) {
                properties.add(new Property(name, attributes.getValue("value"), line));
            }
            String font = attributes.getValue("fontName");
            if (font != null) {
                fonts.add(new Font(font, qName.equals("style") ? name : null, line));
            }
            open.push(frame);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Frame frame = open.peek();
            if (frame != null) {
                if (frame.textLine < 0) {
                    // The locator stands at the end of this chunk; count back the line breaks inside it.
                    int breaks = 0;
                    for (int i = start; i < start + length; i++) {
                        if (ch[i] == '\n') {
                            breaks++;
                        }
                    }
                    frame.textLine = locator.getLineNumber() - breaks;
                }
                frame.text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Frame frame = open.pop();
            boolean expression = qName.equals("expression") || qName.endsWith("Expression");
            if (expression && !frame.hasChildren && !frame.text.toString().isBlank()) {
                expressions.add(new Expression(frame.scope, frame.text.toString(), frame.textLine));
            } else if (qName.equals("template") && open.size() == 1) {
                styleTemplates.add(frame.text.toString().strip().replaceAll("^\"(.*)\"$", "$1"));
            }
        }
    }
}
