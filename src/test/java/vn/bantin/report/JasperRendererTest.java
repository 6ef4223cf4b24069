package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the renderer behaves around the figures: missing ones, wrong ones, and the files it leaves. */
class JasperRendererTest {

    static final Path TEMPLATES = Path.of("templates");
    static final ResourceBundle LABELS = Labels.load(TEMPLATES, "vi");

    @TempDir
    Path dir;

    @Test
    void missingFiguresReadAsNoDataNeverAsZero() {
        Map<String, Object> params = SampleParameters.year2022();
        for (String key : List.of("edocProvinceMean", "edocDistrictMean", "edocCommuneMean", "dvcOnTimeShare",
                "dvcDossierShareCommuneLevel", "paknRatingMean", "paknTopCategories", "dataReadAt")) {
            params.put(key, null);
        }
        params.put("edocUnits", List.of());
        params.put("paknCategories", null);
        Path pdf = dir.resolve("no-data.pdf");

        new JasperRenderer(TEMPLATES).renderProvincePdf(params, LABELS, pdf);

        String text = PdfContent.text(pdf);
        ProvincePdfTest.assertContainsAll(text,
                "Chưa có số liệu về xử lý văn bản điện tử năm 2022.",
                "tỷ lệ hồ sơ giải quyết trực tuyến cấp xã chưa có số liệu",
                "Tỷ lệ hồ sơ giải quyết đúng hạn: chưa có số liệu.",
                "Lĩnh vực được phản ánh: chưa có số liệu.",
                "Mức độ hài lòng của người dân: chưa có số liệu.",
                "đọc lúc chưa có số liệu",
                "(chưa có số liệu)");
        assertFalse(text.contains("null"), "a null printed as 'null'");
        assertFalse(text.contains("Biểu đồ 3."), "no chart for an empty list");
    }

    @Test
    void aLevelWithoutFiguresIsSaidSoAndAMissedTargetIsNamed() {
        Map<String, Object> params = SampleParameters.year2022();
        params.put("edocDistrictMean", null); // two-level local government: no district level
        params.put("edocCommuneMean", "55,2%");
        params.put("edocCommuneMet", false);
        params.put("edocAllLevelsMet", false);
        Path pdf = dir.resolve("levels.pdf");

        new JasperRenderer(TEMPLATES).renderProvincePdf(params, LABELS, pdf);

        ProvincePdfTest.assertContainsAll(PdfContent.text(pdf),
                "chưa đạt đầy đủ chỉ tiêu được giao",
                "Tỷ lệ trung bình cấp tỉnh đạt 93,78%; cấp huyện chưa có số liệu, cấp xã đạt 55,2%, chưa đạt chỉ tiêu 60%.");
    }

    @Test
    void aFigureOfTheWrongTypeNamesTheTemplateAndTheParameter() {
        Map<String, Object> params = SampleParameters.year2022();
        params.put("edocBelowTargetCount", "3");

        ReportException e = assertThrows(ReportException.class,
                () -> new JasperRenderer(TEMPLATES).renderProvincePdf(params, LABELS, dir.resolve("x.pdf")));

        assertEquals("Template templates/province.jrxml: parameter 'edocBelowTargetCount' must be a java.lang.Integer"
                + " but is a java.lang.String (\"3\"); see templates/PARAMETERS.md", e.getMessage());
    }

    @Test
    void aBrokenSentencePatternIsNamedByItsKeyAtItsLineWhenARunFillsIt() throws IOException {
        Path templates = copyOfTemplates();
        Path labelFile = Labels.file(templates, "vi");
        String labels = Files.readString(labelFile);
        Files.writeString(labelFile, labels.replace("đến {1})", "đến {1)"));
        int line = Arrays.asList(labels.split("\n", -1)).indexOf(labels.lines().filter(l -> l.startsWith("report.period"))
                .findFirst().orElseThrow()) + 1;

        ReportException e = assertThrows(ReportException.class, () -> new JasperRenderer(templates)
                .renderProvincePdf(SampleParameters.year2022(), Labels.load(templates, "vi"), dir.resolve("x.pdf")));

        Path province = templates.resolve("province.jrxml");
        int readAt = Files.readAllLines(province).stream().map(l -> l.contains("$R{report.period}")).toList().indexOf(true) + 1;
        assertEquals(labelFile + ":" + line + ": label 'report.period' (read at " + province + ":" + readAt + ") is not a valid"
                + " sentence pattern: Unmatched braces in the pattern; write the figures as {0}, {1}…, each { with its }, and a ' as ''",
                e.getMessage());
    }

    @Test
    void aLabelMissingFromTheLabelFileIsNamed() throws IOException {
        Path templates = copyOfTemplates();
        Path labelFile = Labels.file(templates, "vi");
        Files.writeString(labelFile, Files.readString(labelFile).replace("dvc.heading =", "dvc.headline ="));

        ReportException e = assertThrows(ReportException.class, () -> new JasperRenderer(templates)
                .renderProvincePdf(SampleParameters.year2022(), Labels.load(templates, "vi"), dir.resolve("x.pdf")));

        Path province = templates.resolve("province.jrxml");
        int line = Files.readAllLines(province).stream().map(l -> l.contains("$R{dvc.heading}")).toList().indexOf(true) + 1;
        assertEquals(province + ":" + line + ": $R{dvc.heading} reads label 'dvc.heading', which the label file does not have",
                e.getMessage());
    }

    @Test
    void aFailedRenderKeepsThePreviousFileAndLeavesNoPartialFile() throws IOException {
        Path templates = copyOfTemplates();
        Path pdf = Files.writeString(dir.resolve("out").resolve("ban-tin.pdf"), "previous bulletin");
        Files.writeString(templates.resolve("province.jrxml"), "<jasperReport name=\"broken\"", StandardCharsets.UTF_8);

        assertThrows(ReportException.class,
                () -> new JasperRenderer(templates).renderProvincePdf(SampleParameters.year2022(), LABELS, pdf));

        assertEquals("previous bulletin", Files.readString(pdf));
        assertEquals(List.of(pdf), filesIn(pdf.getParent()));
    }

    @Test
    void aNewRenderReplacesTheFileWholeAndLeavesNoPartialFile() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Path pdf = Files.writeString(dir.resolve("out").resolve("ban-tin.pdf"), "previous bulletin");
        Path xlsx = Files.writeString(dir.resolve("out").resolve("ban-tin.xlsx"), "previous workbook");
        JasperRenderer renderer = new JasperRenderer(TEMPLATES);

        renderer.renderProvincePdf(SampleParameters.year2022(), LABELS, pdf);
        renderer.renderProvinceXlsx(SampleParameters.year2022(), LABELS, xlsx);

        assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), head(pdf, 5));
        assertArrayEquals(new byte[] {'P', 'K', 3, 4}, head(xlsx, 4), "a zip (OOXML) file");
        assertEquals(List.of(pdf, xlsx), filesIn(pdf.getParent()));
    }

    @Test
    void recordsTheHashOfEveryTemplateItUsed() throws java.io.IOException {
        long sheets;
        try (var files = java.nio.file.Files.list(TEMPLATES.resolve("workbook"))) {
            sheets = files.filter(f -> f.toString().endsWith(".jrxml")).count();
        }
        JasperRenderer renderer = new JasperRenderer(TEMPLATES);
        renderer.renderProvinceXlsx(SampleParameters.year2022(), LABELS, dir.resolve("a.xlsx"));
        renderer.renderProvinceXlsx(SampleParameters.year2022(), LABELS, dir.resolve("b.xlsx"));

        Map<Path, String> hashes = renderer.usedTemplates();
        assertEquals(sheets, hashes.size(), hashes.toString());
        assertAll(hashes.keySet().stream().map(p -> () -> assertTrue(p.toString().contains("workbook"), p.toString())));
        assertEquals(sheets, renderer.templates().compilations(), "the second workbook reuses the compiled sheets");
    }

    @Test
    void aSheetNameExcelWouldRejectIsRefusedWithItsLabel() throws IOException {
        Path templates = copyOfTemplates();
        Path labelFile = Labels.file(templates, "vi");
        Files.writeString(labelFile, Files.readString(labelFile).replace("sheet.feedback = Phản ánh kiến nghị",
                "sheet.feedback = Phản ánh / kiến nghị"));

        ReportException e = assertThrows(ReportException.class, () -> new JasperRenderer(templates)
                .renderProvinceXlsx(SampleParameters.year2022(), Labels.load(templates, "vi"), dir.resolve("x.xlsx")));

        assertTrue(e.getMessage().contains("sheet.feedback") && e.getMessage().contains("Phản ánh / kiến nghị"), e.getMessage());
    }

    private Path copyOfTemplates() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        return TemplatesCopy.into(dir.resolve("templates"));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static byte[] head(Path file, int n) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOf(all, n);
    }
}
