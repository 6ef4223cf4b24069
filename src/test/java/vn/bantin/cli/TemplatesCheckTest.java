package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.report.TemplatesCopy;

/** {@code templates check} names the file and line of what an edit broke, so the editor can go straight there. */
class TemplatesCheckTest {
    @TempDir
    Path tmp;

    private Path templates() throws IOException {
        Path to = TemplatesCopy.into(tmp.resolve("templates"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\ntemplates.dir=" + to + "\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        return to;
    }

    private CliRun check() {
        return CliRun.of("templates", "check", "--config", tmp.resolve("config").toString());
    }

    /** Replaces the first occurrence of {@code from} in a line of the template, returning that line's number. */
    private static int edit(Path file, String from, String to) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(from)) {
                lines.set(i, lines.get(i).replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
                Files.write(file, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new IllegalArgumentException(from + " not in " + file);
    }

    @Test
    void theShippedTemplatesAreFine() throws IOException {
        templates();
        CliRun r = check();
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("templates OK"), r.out());
    }

    @Test
    void brokenXmlIsReportedWithItsLine() throws IOException {
        Path province = templates().resolve("province.jrxml");
        int line = edit(province, "<title", "<title <");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(province + ":" + line + ": not well-formed XML"), r.out());
    }

    @Test
    void anUnknownElementIsReportedAtItsLineNotAsACrash() throws IOException {
        Path unit = templates().resolve("unit.jrxml");
        int line = edit(unit, "<detail>", "<detail><bogusBand/>");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(unit + ":" + line + ": unknown element or attribute 'bogusBand' (expected here: part, band)"),
                r.out() + r.err());
        assertTrue(!r.err().contains("unexpected failure") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void aBrokenStyleFileIsReportedAtItsOwnLine() throws IOException {
        Path styles = templates().resolve("styles.jrtx");
        int line = edit(styles, "<style name=\"Title\"", "<style name=\"Title\" <");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(styles + ":" + line + ": not well-formed XML"), r.out());
    }

    @Test
    void anUnknownParameterIsReportedWhereItIsUsed() throws IOException {
        Path unit = templates().resolve("unit.jrxml");
        int line = edit(unit, "$P{unitName}", "$P{unitNmae}");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(unit + ":" + line + ": "), r.out());
        assertTrue(r.out().contains("unitNmae"), r.out());
    }

    // Issue 9.1: what Jasper does not stop at, but prints as "null", is reported where it is, on the deployed folder.

    @Test
    void aMisspelledLabelInsideATableIsReportedAtItsLine() throws IOException {
        Path province = templates().resolve("province.jrxml");
        int line = edit(province, "$R{edoc.col.unit}", "$R{edoc.col.unti}");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(province + ":" + line + ": $R{edoc.col.unti} reads label 'edoc.col.unti', which "
                + tmp.resolve("templates/labels/bulletin_vi.properties") + " does not have (did you mean 'edoc.col.unit'?)"), r.out());
    }

    @Test
    void theReadmeRecipeForAColumnChecksCleanAndItsSlipIsReported() throws IOException {
        Path templates = templates();
        addCodeColumn(templates, "unitCode");
        CliRun clean = check();
        assertEquals(0, clean.exitCode(), "the README's recipe as written: " + clean.out() + clean.err());

        Path again = TemplatesCopy.into(tmp.resolve("again"));
        addCodeColumn(again, "unitcode"); // the editor's slip: a field the rows do not have
        Files.writeString(tmp.resolve("config/bantin.properties"), Files.readString(tmp.resolve("config/bantin.properties"))
                + "\ntemplates.dir=" + again + "\n", StandardCharsets.UTF_8);
        Path province = again.resolve("province.jrxml");
        int line = lineOf(province, "<field name=\"unitcode\"");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(province + ":" + line + ": field 'unitcode' of sub-dataset 'edocUnits' is not a field of"
                + " the rows of edocUnits, so it would print as null"), r.out());
    }

    @Test
    void aSentencePatternPrintedWithoutItsFiguresIsReportedAtItsLine() throws IOException {
        Path province = templates().resolve("province.jrxml");
        int line = edit(province, "msg($R{report.period}, $P{periodStart}, $P{periodEnd})", "$R{report.period}");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(province + ":" + line + ": the filled bulletin prints \"{0}\" (page 1: "), r.out());
        assertTrue(r.out().contains("from: $R{report.period}"), r.out());
    }

    // Issue 9.2: the file and line of the expression, style or label at fault, as the editor wrote it.

    @Test
    void aFieldDeclaredWrongInOneTableIsReportedThereNotInAnotherDataset() throws IOException {
        Path province = templates().resolve("province.jrxml");
        List<String> lines = Files.readAllLines(province, StandardCharsets.UTF_8);
        int dataset = lineOf(province, "<dataset name=\"dvcUnits\">");
        int declared = -1;
        for (int i = dataset; declared < 0; i++) {
            if (lines.get(i).contains("<field name=\"levelName\"")) {
                lines.set(i, lines.get(i).replace("levelName", "levelname"));
                declared = i + 1;
            }
        }
        Files.write(province, lines, StandardCharsets.UTF_8);
        int used = dataset; // the data set's own group reads it first, then its table
        while (!Files.readAllLines(province).get(used - 1).contains("$F{levelName}")) {
            used++;
        }
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(province + ":" + declared + ": field 'levelname' of sub-dataset 'dvcUnits'"), r.out());
        assertTrue(r.out().contains(province + ":" + used + ": $F{levelName} is used in sub-dataset 'dvcUnits'"), r.out());
        assertFalse(r.out().contains(province + ":" + lineOf(province, "<field name=\"levelName\"") + ":"),
                "nothing at the first dataset's line: " + r.out());
    }

    @Test
    void aJavaSyntaxErrorIsReportedAtItsLineAsTheEditorWroteIt() throws IOException {
        Path province = templates().resolve("province.jrxml");
        int line = edit(province, "? msg($R{edoc.none}, $P{periodLabel})", "? msg($R{edoc.none}, $P{periodLabel}");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(province + ":" + line + ": the expression does not compile: Syntax error, insert \")\" to"
                + " complete Expression, in: ? msg($R{edoc.none}, $P{periodLabel}"), r.out());
        assertFalse(r.out().contains("parameter_") || r.out().contains("JR_EXPR_ID"), "no generated code: " + r.out());
    }

    @Test
    void aFontSetInTheStyleFileIsReportedAtTheStyle() throws IOException {
        Path styles = templates().resolve("styles.jrtx");
        int line = edit(styles, "<style name=\"Caption\" hTextAlign=\"Center\" fontName=\"Times New Roman\"",
                "<style name=\"Caption\" hTextAlign=\"Center\" fontName=\"Calibri\"");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(styles + ":" + line + ": style 'Caption' uses font \"Calibri\", which is not installed"),
                r.out());
        assertTrue(r.out().contains("such as \"Times New Roman\""), r.out());

        edit(styles, "fontName=\"Calibri\"", "fontName=\"Serif\"");
        CliRun serif = check();
        assertEquals(2, serif.exitCode(), serif.out());
        assertTrue(serif.out().contains(styles + ":" + line + ": style 'Caption' uses font \"Serif\", which is not embedded"
                + " in the PDF"), serif.out());
    }

    /** Decree 30's font only in a condition: the fill meets it only when the condition holds, and it does here. */
    @Test
    void aFontInAConditionalStyleIsReportedAtItsLine() throws IOException {
        Path province = templates().resolve("province.jrxml");
        int line = edit(province, "<template><![CDATA[\"styles.jrtx\"]]></template>", "<template><![CDATA[\"styles.jrtx\"]]>"
                + "</template><style name=\"Trap\" style=\"Paragraph\"><conditionalStyle fontName=\"Calibri\"><conditionExpression>"
                + "<![CDATA[$P{periodLabel} != null]]></conditionExpression></conditionalStyle></style>");
        edit(province, "textAdjust=\"StretchHeight\" style=\"Paragraph\">", "textAdjust=\"StretchHeight\" style=\"Trap\">");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(province + ":" + line + ": ") && r.out().contains("uses font \"Calibri\""), r.out());
    }

    @Test
    void aFontOfTheChartsStyleIsReportedAtTheStyle() throws IOException {
        Path styles = templates().resolve("styles.jrtx");
        int line = edit(styles, "<style name=\"Chart\" fontName=\"DejaVu Sans Condensed\"", "<style name=\"Chart\" fontName=\"Calibri\"");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(styles + ":" + line + ": style 'Chart' uses font \"Calibri\""), r.out());
    }

    @Test
    void aBrokenSentencePatternIsReportedAtItsLabelWithItsKey() throws IOException {
        Path labels = templates().resolve("labels/bulletin_vi.properties");
        int line = edit(labels, "edoc.none = Chưa có số liệu về xử lý văn bản điện tử {0}.", "edoc.none = Chưa có số liệu về xử lý văn bản điện tử {0.");
        CliRun r = check();
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains(labels + ":" + line + ": label 'edoc.none' (read at "), r.out());
        assertTrue(r.out().contains("is not a valid sentence pattern: Unmatched braces in the pattern"), r.out());
    }

    /** The README's "Add a column" recipe, with the field named {@code field}. */
    static void addCodeColumn(Path templates, String field) throws IOException {
        Path province = templates.resolve("province.jrxml");
        String xml = Files.readString(province, StandardCharsets.UTF_8);
        xml = xml.replaceFirst("<dataset name=\"edocUnits\">\n", "<dataset name=\"edocUnits\">\n\t\t<field name=\"" + field
                + "\" class=\"java.lang.String\"/>\n");
        int table = xml.indexOf("<datasetRun subDataset=\"edocUnits\">");
        int start = xml.indexOf("<column kind=\"single\" width=\"30\">", table);
        int end = xml.indexOf("</column>", start) + "</column>".length();
        String stt = xml.substring(start, end);
        String code = stt.replace("width=\"30\"", "width=\"50\"").replace("$R{edoc.col.no}", "$R{edoc.col.code}")
                .replace("$V{level_COUNT}", "$F{" + field + "}");
        String unitName = xml.substring(end).replaceFirst("width=\"164\"", "width=\"114\"").replaceFirst("width=\"164\"", "width=\"114\"")
                .replaceFirst("width=\"164\"", "width=\"114\"");
        Files.writeString(province, xml.substring(0, end) + "\n" + code + unitName, StandardCharsets.UTF_8);
        for (String[] set : new String[][] {{"vi", "Mã đơn vị"}, {"en", "Code"}}) {
            Path labels = templates.resolve("labels/bulletin_" + set[0] + ".properties");
            Files.writeString(labels, Files.readString(labels, StandardCharsets.UTF_8) + "\nedoc.col.code = " + set[1] + "\n",
                    StandardCharsets.UTF_8);
        }
    }

    private static int lineOf(Path file, String what) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(what)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(what + " not in " + file);
    }
}
