package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;

/** The embedded-font checks can fail: a report in a font outside the font extensions is caught. */
class FontEmbeddingTest {

    static final Path NON_EMBEDDED = Path.of("src/test/resources/report/non-embedded-font.jrxml");

    @TempDir
    Path dir;

    @Test
    void bothChecksCatchAPdfWithANonEmbeddedFont() throws Exception {
        Path pdf = dir.resolve("helvetica.pdf");
        JasperPrint print = JasperFillManager.fillReport(
                JasperCompileManager.compileReport(NON_EMBEDDED.toString()), new HashMap<>(), new JREmptyDataSource(1));
        JasperExportManager.exportReportToPdfFile(print, pdf.toString());

        Set<String> pdfBox = PdfContent.nonEmbeddedFonts(pdf);
        assertFalse(pdfBox.isEmpty(), "PDFBox should see the fallback font as not embedded");
        assertTrue(pdfBox.stream().anyMatch(f -> f.contains("Helvetica")), pdfBox.toString());
        assertEquals(pdfBox, PdfFontCheck.nonEmbeddedFonts(pdf), "OpenPDF check agrees with PDFBox");
    }

    @Test
    void theRendererRefusesToWriteSuchAPdf() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.copy(NON_EMBEDDED, templates.resolve("province.jrxml"));
        Path pdf = dir.resolve("out").resolve("ban-tin.pdf");

        ReportException e = assertThrows(ReportException.class, () -> new JasperRenderer(templates)
                .renderProvincePdf(Map.of(), Labels.load(Path.of("templates"), "vi"), pdf));

        assertTrue(e.getMessage().contains("province.jrxml"), e.getMessage());
        assertTrue(e.getMessage().contains("not embedded") && e.getMessage().contains("Helvetica"), e.getMessage());
        assertFalse(Files.exists(pdf), "no PDF under the final name");
        try (Stream<Path> left = Files.list(pdf.getParent())) {
            assertEquals(0, left.count(), "no partial file left behind");
        }
    }
}
