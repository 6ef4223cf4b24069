package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The province bulletin rendered from the 2022 figures, read back as a reader's PDF viewer would. */
class ProvincePdfTest {

    static final Path TEMPLATES = Path.of("templates");

    @TempDir
    static Path out;

    static Path pdf;
    static String text;

    @BeforeAll
    static void render() {
        pdf = out.resolve("ban-tin-2022-tinh.pdf");
        new JasperRenderer(TEMPLATES).renderProvincePdf(SampleParameters.year2022(), Labels.load(TEMPLATES, "vi"), pdf);
        text = PdfContent.text(pdf);
    }

    @Test
    void figuresAreWrittenTheVietnameseWay() {
        assertContainsAll(text, "93,78%", "92,53%", "94,57%", "68,5%", "27,29%", "69,8%", "6,67%",
                "1.724", "1.541", "89,39%", "921", "3,04", "3,4");
    }

    @Test
    void sentencesReadLikeThe2022Summary() {
        assertContainsAll(text,
                "Tỷ lệ trung bình cấp tỉnh đạt 93,78%; cấp huyện đạt 92,53%, cấp xã đạt 94,57%.",
                "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 toàn tỉnh năm 2022 là 68,5%",
                "Tỷ lệ hồ sơ giải quyết trực tuyến toàn tỉnh là 27,29%",
                "tỷ lệ hồ sơ giải quyết trực tuyến cấp tỉnh là 69,8%",
                "tỷ lệ hồ sơ giải quyết trực tuyến cấp huyện là 6,67%",
                "Kết quả năm 2022, có 05 đơn vị đạt cả 2 chỉ tiêu",
                "Tổng số phản ánh kiến nghị được tiếp nhận năm 2022 là 1.724",
                "tỷ lệ xử lý đạt 89,39%",
                "Trong đó, thành phố Bắc Ninh tiếp nhận số phản ánh kiến nghị nhiều nhất với 921 phản ánh kiến nghị,"
                        + " huyện Gia Bình tiếp nhận ít nhất với 21 phản ánh kiến nghị.",
                "Về tỷ lệ xử lý, huyện Lương Tài đạt tỷ lệ cao nhất là 100%, huyện Tiên Du có tỷ lệ thấp nhất là 64%.",
                "Mức độ hài lòng trung bình đạt 3,04/5 điểm",
                "trong đó huyện Gia Bình đạt được sự hài lòng của người dân cao nhất (3,4 điểm)./.",
                "Trong đó có trường hợp UBND xã Ninh Xá, huyện Thuận Thành không phát sinh văn bản đi");
    }

    /** Issue 9.5: one unit named with its place, as the summary does; no "to date" in a bulletin about a past period. */
    @Test
    void aCommuneIsNamedWithItsDistrictAndAPastPeriodIsNotToDate() {
        String flat = text.replaceAll("\\s+", " ");
        assertFalse(flat.contains("UBND xã Ninh Xá, UBND huyện"), "reads as two units");
        assertFalse(flat.contains("Đến nay"), "a bulletin about 2022 says nothing of today");
        assertFalse(flat.contains("UBND thành phố Bắc Ninh tiếp nhận"), "a locality receives feedback, not its committee");
    }

    @Test
    void theLogoIsTheImageFileOfTheTemplatesFolder(@TempDir Path dir) throws IOException {
        assertEquals(Set.of("240x240"), Set.copyOf(PdfContent.imagesOnPage(pdf, 1)), "templates/images/logo.png on page 1");

        Path templates = TemplatesCopy.into(dir.resolve("templates"));
        BufferedImage replacement = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(replacement, "png", templates.resolve("images/logo.png").toFile());
        Path edited = dir.resolve("edited.pdf");
        new JasperRenderer(templates).renderProvincePdf(SampleParameters.year2022(), Labels.load(templates, "vi"), edited);
        assertEquals(Set.of("60x30"), Set.copyOf(PdfContent.imagesOnPage(edited, 1)));

        Files.delete(templates.resolve("images/logo.png"));
        ReportException missing = assertThrows(ReportException.class, () -> new JasperRenderer(templates)
                .renderProvincePdf(SampleParameters.year2022(), Labels.load(templates, "vi"), dir.resolve("missing.pdf")));
        assertTrue(missing.getMessage().contains("images/logo.png"), missing.getMessage());
    }

    @Test
    void namesTheUnitsMeetingBothTargetsAndTheUnitAtZero() {
        assertContainsAll(text, SampleParameters.DEPARTMENTS_MEETING_BOTH.toArray(String[]::new));
        assertContainsAll(text, "gồm: " + String.join("; ", SampleParameters.DEPARTMENTS_MEETING_BOTH) + ".");
        assertContainsAll(text, "Ninh Xá",
                "Trong đó có trường hợp UBND xã Ninh Xá, huyện Thuận Thành không phát sinh văn bản đi có ký số");
    }

    @Test
    void listsTheMostFrequentSubjectsInOrder() {
        String sentence = "Các vấn đề nhận được sự quan tâm nhiều nhất là: "
                + String.join(", ", SampleParameters.TOP_SUBJECTS) + ".";
        assertContainsAll(text, sentence);
    }

    @Test
    void headerFollowsDecree30() {
        List<String> page1 = PdfContent.pages(pdf).get(0).lines().map(PdfContent::flat).filter(l -> !l.isEmpty()).toList();
        assertAll(
                () -> assertEquals("UBND TỈNH BẮC NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nfc(page1.get(0))),
                () -> assertContainsAll(text, "SỞ THÔNG TIN VÀ", "TRUYỀN THÔNG", "Độc lập - Tự do - Hạnh phúc",
                        "Số: 05/BC-STTTT", "Bắc Ninh, ngày 05 tháng 01 năm 2023", "BÁO CÁO Kết quả thực hiện",
                        "trên địa bàn tỉnh Bắc Ninh", "(số liệu từ ngày 01/01/2022 đến 31/12/2022)"));
    }

    @Test
    void extractedTextIsTheSameUnicodeAsTheSource() {
        ResourceBundle labels = Labels.load(TEMPLATES, "vi");
        Stream.of("header.nation", "header.motto", "doctype.BC", "edoc.heading", "dvc.heading", "pakn.heading")
                .map(labels::getString)
                .forEach(source -> {
                    assertTrue(nfc(text).contains(nfc(source)), "PDF text lacks '" + source + "'");
                    assertEquals(source, nfc(source), "label file should hold NFC text: " + source);
                });
        assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "precomposed diacritics survive extraction as is");
    }

    @Test
    void everyFontIsEmbedded() {
        assertEquals(Set.of(), PdfContent.nonEmbeddedFonts(pdf));
        assertTrue(PdfContent.embeddedFonts(pdf).stream().anyMatch(f -> f.contains("LiberationSerif")),
                "body font: " + PdfContent.embeddedFonts(pdf));
        assertEquals(Set.of(), PdfFontCheck.nonEmbeddedFonts(pdf), "the renderer's own check agrees");
    }

    @Test
    void pagesAreNumberedFromPageTwo() {
        List<String> pages = PdfContent.pages(pdf);
        assertTrue(pages.size() >= 3, "pages: " + pages.size());
        assertFalse(firstLine(pages.get(0)).matches("\\d+"), "no number on page 1: " + firstLine(pages.get(0)));
        for (int page = 2; page <= pages.size(); page++) {
            assertEquals(String.valueOf(page), firstLine(pages.get(page - 1)));
        }
    }

    @Test
    void textStaysWithinTheMargins() {
        double[] extent = PdfContent.textExtent(pdf);
        double left = 86;
        double right = 595 - 43;
        assertTrue(extent[0] >= left - 0.5, "text starts at " + extent[0] + " left of the margin " + left);
        assertTrue(extent[1] <= right + 0.5, "text ends at " + extent[1] + " right of the margin " + right);
    }

    @Test
    void noTextIsCutOff() {
        assertEquals(List.of(), cutTexts(TEMPLATES), "text that did not fit its box");
    }

    @Test
    void textCutOffWouldBeCaught(@TempDir Path dir) throws IOException {
        Path templates = TemplatesCopy.into(dir.resolve("templates"));
        Files.writeString(templates.resolve("province.jrxml"), Files.readString(TEMPLATES.resolve("province.jrxml"))
                .replaceFirst("height=\"20\" textAdjust=\"StretchHeight\" style=\"Paragraph\"", "height=\"20\" style=\"Paragraph\""));
        List<String> cut = cutTexts(templates);
        assertEquals(1, cut.size());
        assertTrue(cut.get(0).startsWith("Trên cơ sở dữ liệu"), cut.get(0));
    }

    private static List<String> cutTexts(Path templates) {
        return FilledTexts.cut(() -> new JasperRenderer(templates).fillProvince(SampleParameters.year2022(), Labels.load(TEMPLATES, "vi")));
    }

    @Test
    void tablesHaveEveryUnitGroupedByLevel() {
        assertContainsAll(text, "Bảng 1.", "Bảng 2.", "Bảng 3.", "Biểu đồ 1.", "Biểu đồ 2.", "Biểu đồ 3.",
                "Cấp tỉnh", "Cấp huyện", "Cấp xã",
                "Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh",
                "UBND xã Ninh Xá 214 0 0% 60% Chưa đạt",
                "Sở Xây dựng 2.640 2.590 98,11% 90% Đạt");
        assertTrue(text.indexOf("Cấp tỉnh") < text.indexOf("Cấp huyện") && text.indexOf("Cấp huyện") < text.indexOf("Cấp xã"));
    }

    @Test
    void dataQualityNoteNamesSourcesAndTime() {
        assertContainsAll(text, "Ghi chú về nguồn số liệu", "đọc lúc 05/01/2023 07:30",
                "bị loại do không hợp lệ: 30", "documents.csv", "48.213", "48.190", "feedback.csv", "Có dòng bị loại");
    }

    private static String firstLine(String page) {
        return page.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static void assertContainsAll(String text, String... expected) {
        String haystack = nfc(text);
        assertAll(Stream.of(expected).map(e -> (org.junit.jupiter.api.function.Executable)
                () -> assertTrue(haystack.contains(nfc(e)), () -> "PDF text lacks '" + e + "'")));
    }
}
