package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Every parameter and field a template under templates/ declares is one the program passes, in a type it can hold. */
class TemplateDeclarationsTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedTemplatesUseOnlyWhatTheProgramPasses() throws IOException {
        assertEquals(List.of(), problems(Path.of("templates")));
        Path templates = Path.of("templates");
        assertEquals(List.of(), TemplateDeclarations.problems(templates, Labels.load(templates, "en"), Labels.file(templates, "en")),
                "the English label set has every key too");
    }

    private static List<String> problems(Path dir) throws IOException {
        return TemplateDeclarations.problems(dir, Labels.load(dir, "vi"), Labels.file(dir, "vi"));
    }

    /** {@code dir/file:line: } of the first line of {@code file} that holds {@code what}. */
    private static String at(Path dir, String file, String what) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(what)) {
                return dir.resolve(file) + ":" + (i + 1) + ": ";
            }
        }
        throw new IllegalArgumentException(what + " not in " + file);
    }

    @Test
    void everyTemplateBelongsToABulletin() {
        assertEquals("province", TemplateDeclarations.bulletinOf("province.jrxml").orElseThrow().name());
        assertEquals("province", TemplateDeclarations.bulletinOf("workbook/02-documents.jrxml").orElseThrow().name());
        assertEquals("unit", TemplateDeclarations.bulletinOf("unit.jrxml").orElseThrow().name());
        assertEquals("unit", TemplateDeclarations.bulletinOf("unit-workbook/01-unit.jrxml").orElseThrow().name());
        assertTrue(TemplateDeclarations.bulletinOf("drafts/province.jrxml").isEmpty());
    }

    @Test
    void aParameterTheProgramDoesNotPassIsReported() throws IOException {
        Path dir = copyOfTemplates();
        edit(dir.resolve("unit.jrxml"), "<parameter name=\"headline\"", "<parameter name=\"headLine\"");
        assertEquals(List.of(at(dir, "unit.jrxml", "<parameter name=\"headLine\"") + "parameter 'headLine' is not one the"
                + " program passes to the unit bulletin, so it would print as null (templates/PARAMETERS.md lists what it passes)"),
                problems(dir));
    }

    @Test
    void aTypeThatCannotHoldTheValueIsReported() throws IOException {
        Path dir = copyOfTemplates();
        edit(dir.resolve("province.jrxml"), "<parameter name=\"rejectedTotal\" class=\"java.lang.Long\"",
                "<parameter name=\"rejectedTotal\" class=\"java.lang.Integer\"");
        edit(dir.resolve("workbook/05-categories.jrxml"), "<field name=\"count\" class=\"java.lang.Number\"",
                "<field name=\"count\" class=\"java.lang.String\"");
        assertEquals(List.of(
                at(dir, "province.jrxml", "<parameter name=\"rejectedTotal\"") + "parameter 'rejectedTotal' is declared"
                        + " java.lang.Integer, but the program passes a java.lang.Long",
                at(dir, "workbook/05-categories.jrxml", "<field name=\"count\"") + "field 'count' of its rows (report property"
                        + " bantin.rows) is declared java.lang.String, but the program passes a java.lang.Long"), problems(dir));
    }

    @Test
    void aWiderTypeIsFine() throws IOException {
        Path dir = copyOfTemplates();
        edit(dir.resolve("province.jrxml"), "<parameter name=\"rejectedTotal\" class=\"java.lang.Long\"",
                "<parameter name=\"rejectedTotal\" class=\"java.lang.Object\"");
        assertEquals(List.of(), problems(dir));
    }

    @Test
    void aFieldTheRowsDoNotHaveIsReported() throws IOException {
        Path dir = copyOfTemplates();
        edit(dir.resolve("province.jrxml"), "<field name=\"rateText\"", "<field name=\"rate_text\"");
        edit(dir.resolve("unit-workbook/01-unit.jrxml"), "<field name=\"rankOf\"", "<field name=\"rankOutOf\"");
        List<String> problems = problems(dir);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(at(dir, "province.jrxml", "<field name=\"rate_text\"") + "field 'rate_text' of"
                + " sub-dataset 'edocUnits' is not a field of the rows of edocUnits, so it would print as null; the rows have"
                + " [levelName, unitCode, unitName,"), problems.get(0));
        assertTrue(problems.get(1).startsWith(at(dir, "unit-workbook/01-unit.jrxml", "<field name=\"rankOutOf\"")
                + "field 'rankOutOf' of its rows (report property bantin.rows) is not a field of the rows of unitFigures"), problems.get(1));
    }

    @Test
    void aSubDatasetFilledFromAnotherListIsReported() throws IOException {
        Path dir = copyOfTemplates();
        edit(dir.resolve("province.jrxml"), "JRMapCollectionDataSource($P{edocLevels})", "JRMapCollectionDataSource($P{dvcLevels})");
        edit(dir.resolve("unit.jrxml"), "JRMapCollectionDataSource($P{unitFigures})", "JRMapCollectionDataSource($P{dataQuality})");
        List<String> problems = problems(dir);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(at(dir, "province.jrxml", "JRMapCollectionDataSource($P{dvcLevels})")
                + "sub-dataset 'edocLevels' is filled from"), "a chart: " + problems);
        assertTrue(problems.get(1).startsWith(at(dir, "unit.jrxml", "JRMapCollectionDataSource($P{dataQuality})")
                + "sub-dataset 'unitFigures' is filled from"), "a table: " + problems);
    }

    @Test
    void aDefaultValueOnAParameterTheProgramPassesIsReported() throws IOException {
        Path dir = copyOfTemplates();
        edit(dir.resolve("unit.jrxml"), "<parameter name=\"parentName\" class=\"java.lang.String\"/>",
                "<parameter name=\"parentName\" class=\"java.lang.String\"><defaultValueExpression><![CDATA[\"—\"]]>"
                        + "</defaultValueExpression></parameter>");
        assertEquals(List.of(at(dir, "unit.jrxml", "<parameter name=\"parentName\"") + "parameter 'parentName' has a default value, but the program always passes"
                + " parentName, so it never applies; give the template's own parameter another name"),
                problems(dir));
    }

    private Path copyOfTemplates() throws IOException {
        Path to = tmp.resolve("templates");
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(Path.of("templates").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(from + " not in " + file);
        }
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)), StandardCharsets.UTF_8);
    }

    @Test
    void aSubDatasetParameterIsFineWhenItsTableGivesItAValueAndReportedWhenNothingDoes() throws IOException {
        Path dir = copyOfTemplates();
        edit(dir.resolve("province.jrxml"), "<dataset name=\"edocUnits\">", "<dataset name=\"edocUnits\">"
                + "<parameter name=\"threshold\" class=\"java.lang.String\"/><parameter name=\"orphan\" class=\"java.lang.String\"/>");
        edit(dir.resolve("province.jrxml"), "<datasetRun subDataset=\"edocUnits\">", "<datasetRun subDataset=\"edocUnits\">"
                + "<parameter name=\"threshold\"><expression><![CDATA[$P{edocProvinceTarget}]]></expression></parameter>");
        assertEquals(List.of(at(dir, "province.jrxml", "<parameter name=\"orphan\"") + "parameter 'orphan' of sub-dataset"
                + " 'edocUnits' gets no value, so it would print as null: pass it from the table or chart filled from it"
                + " (<datasetRun subDataset=\"edocUnits\"> with <parameter name=\"orphan\">), or give it a default"), problems(dir));
    }
}
