package vn.bantin.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An edit of {@code province.jrxml} in a copy of the templates folder that reaches for something a template may not:
 * made as an editor would make it, by changing the text of an expression, the logo's file name or the styles' file name.
 */
public record TemplateAttack(String name, Target target, String expression, String refusal) {

    /** Where the edit goes. */
    public enum Target {
        /** The expression of the issuing body's text field, top left of the first page. */
        TEXT,
        /** The logo's image expression ({@code "images/logo.png"}). */
        IMAGE,
        /** The styles template expression ({@code "styles.jrtx"}). */
        STYLES,
        /** The issuing body's text field, its expression and {@code markup="html"}. */
        HTML
    }

    private static final String LOGO = "<expression><![CDATA[\"images/logo.png\"]]></expression>";
    private static final String STYLES_TEMPLATE = "<template><![CDATA[\"styles.jrtx\"]]></template>";
    private static final String ISSUER = "<expression><![CDATA[$P{orgParentBreak}";
    private static final String ISSUER_ELEMENT = "<element kind=\"textField\" x=\"0\" y=\"0\" width=\"200\" height=\"16\""
            + " textAdjust=\"StretchHeight\" style=\"Masthead\" blankWhenNull=\"true\">";

    /**
     * Every way found to make a template read a file, a URL or the process's environment, or to exhaust memory.
     * {@code secret} is a file outside the templates folder, {@code outside} a folder beside it holding a logo and a
     * styles file, {@code server} a local web server that must never be asked.
     */
    public static java.util.List<TemplateAttack> all(Path secret, Path outside, LocalHttpServer server) {
        String notVisible = " is not visible to reports";
        String csv = "net.sf.jasperreports.engine.data.JRCsvDataSource";
        String xml = "net.sf.jasperreports.engine.data.JRXmlDataSource";
        String host = "is on host 127.0.0.1, which templates.allowed-hosts in config/bantin.properties does not list";
        String absolute = "is an absolute path; a template reads only files inside the templates folder";
        String up = "climbs out of the templates folder with '..'";
        return java.util.List.of(
                new TemplateAttack("a file read by a CSV data source", Target.TEXT,
                        "String.valueOf(new " + csv + "(\"" + secret + "\").next())", "Class " + csv + notVisible),
                new TemplateAttack("/proc/self/environ read by a CSV data source", Target.TEXT,
                        "String.valueOf(new " + csv + "(\"/proc/self/environ\").next())", "Class " + csv + notVisible),
                new TemplateAttack("a file read by an XML data source", Target.TEXT,
                        "String.valueOf(new " + xml + "(\"" + secret + "\").next())", "Class " + xml + notVisible),
                new TemplateAttack("a URL read by a CSV data source", Target.TEXT,
                        "String.valueOf(new " + csv + "(\"" + server.url("environ.csv") + "\").next())",
                        "Class " + csv + notVisible),
                new TemplateAttack("an image from a URL", Target.IMAGE, quoted(server.url("logo.png")), host),
                new TemplateAttack("styles from a URL", Target.STYLES, quoted(server.url("styles.jrtx")), host),
                new TemplateAttack("an image from ../", Target.IMAGE, quoted("../" + outside.getFileName() + "/logo.png"), up),
                new TemplateAttack("styles from ../", Target.STYLES, quoted("images/../../" + outside.getFileName()
                        + "/styles.jrtx"), up),
                new TemplateAttack("an image from an absolute path", Target.IMAGE, quoted(outside.resolve("logo.png").toString()),
                        absolute),
                new TemplateAttack("styles from an absolute path", Target.STYLES,
                        quoted(outside.resolve("styles.jrtx").toString()), absolute),
                new TemplateAttack("an image from a file: URL", Target.IMAGE, quoted(outside.resolve("logo.png").toUri().toString()),
                        "is a file: location"),
                new TemplateAttack("a style sheet fetched by HTML markup", Target.HTML, quoted("<html><head><link"
                        + " rel=\\\"stylesheet\\\" type=\\\"text/css\\\" href=\\\"" + server.url("x.css")
                        + "\\\"></head><body>x</body></html>"), "uses markup=\"html\" or markup=\"rtf\", which a template may not use"),
                new TemplateAttack("a string of 2^31 characters", Target.TEXT, "\"x\".repeat(Integer.MAX_VALUE)",
                        "ran out of memory while being filled"));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** Writes the attack into {@code templates/province.jrxml}. */
    public void writeInto(Path templates) throws IOException {
        Path province = templates.resolve("province.jrxml");
        String jrxml = Files.readString(province, StandardCharsets.UTF_8);
        String edited = switch (target) {
            case IMAGE -> replaceOnce(jrxml, LOGO, "<expression><![CDATA[" + expression + "]]></expression>");
            case STYLES -> replaceOnce(jrxml, STYLES_TEMPLATE, "<template><![CDATA[" + expression + "]]></template>");
            case HTML -> textExpression(replaceOnce(jrxml, ISSUER_ELEMENT, ISSUER_ELEMENT.replace(">", " markup=\"html\">")));
            case TEXT -> textExpression(jrxml);
        };
        Files.writeString(province, edited, StandardCharsets.UTF_8);
    }

    private String textExpression(String jrxml) {
        int start = jrxml.indexOf(ISSUER);
        if (start < 0) {
            throw new IllegalStateException("province.jrxml has no issuing-body expression any more");
        }
        int end = jrxml.indexOf("]]></expression>", start);
        return jrxml.substring(0, start) + "<expression><![CDATA[" + expression + jrxml.substring(end);
    }

    private static String replaceOnce(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalStateException("province.jrxml has no " + what + " any more");
        }
        return text.replace(what, with);
    }

    @Override
    public String toString() {
        return name;
    }
}
