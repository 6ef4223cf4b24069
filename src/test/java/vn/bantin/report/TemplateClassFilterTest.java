package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates are code, so the report class filter (src/main/resources/jasperreports.properties) lets their expressions
 * reach only the classes the bulletins need: one that touches files or runs programs is refused when it is filled.
 */
class TemplateClassFilterTest {
    private static final Path TEMPLATES = Path.of("templates");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "String.valueOf(new java.io.File(\"/etc/passwd\").exists()) | java.io.File",
            "String.valueOf(Runtime.getRuntime().availableProcessors()) | java.lang.Runtime"})
    void anExpressionReachingBeyondTheBulletinIsRefused(String expression, String refusedClass) throws IOException {
        Path templates = TemplatesCopy.into(dir.resolve("templates"));
        String jrxml = Files.readString(TEMPLATES.resolve("province.jrxml"));
        int start = jrxml.indexOf("<expression><![CDATA[") + "<expression><![CDATA[".length();
        int end = jrxml.indexOf("]]></expression>", start);
        Files.writeString(templates.resolve("province.jrxml"), jrxml.substring(0, start) + expression + jrxml.substring(end));
        ResourceBundle labels = Labels.load(TEMPLATES, "vi");

        ReportException e = assertThrows(ReportException.class, () ->
                new JasperRenderer(templates).renderProvincePdf(SampleParameters.year2022(), labels, dir.resolve("out.pdf")));
        assertTrue(e.getMessage().contains("Class " + refusedClass + " is not visible to reports"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("out.pdf")), "nothing half-rendered");
    }
}
