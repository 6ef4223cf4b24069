package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.report.ProvincePdfTest.assertContainsAll;
import static vn.bantin.report.ProvincePdfTest.nfc;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.PlainIndicators;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;

/**
 * Unit bulletins of December 2022 from the bundled sample, computed by the real pipeline and compared with November
 * 2022 and December 2021 (before the sample starts: no data), read back as a reader's PDF viewer would.
 */
class UnitPdfTest {

    static final Path TEMPLATES = Path.of("templates");
    static final List<String> UNITS = List.of("Sở Xây dựng", "UBND huyện Gia Bình", "UBND xã Ninh Xá");

    @TempDir
    static Path out;

    static final Map<String, Map<String, Object>> PARAMS = new LinkedHashMap<>();
    static final Map<String, Path> PDF = new LinkedHashMap<>();
    static final Map<String, String> TEXT = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        ResourceBundle labels = Labels.load(TEMPLATES, "vi");
        JasperRenderer renderer = new JasperRenderer(TEMPLATES);
        for (String name : UNITS) {
            Map<String, Object> params = SampleIndicators.december(name);
            PARAMS.put(name, params);
            Path pdf = out.resolve("ban-tin-2022-12-" + params.get("unitCode") + ".pdf");
            renderer.renderUnitPdf(params, labels, pdf);
            PDF.put(name, pdf);
            TEXT.put(name, PdfContent.text(pdf));
        }
    }

    @Test
    void eachBulletinIsOnePage() {
        assertAll(UNITS.stream().map(name -> () -> assertEquals(1, PdfContent.pages(PDF.get(name)).size(), name)));
    }

    @Test
    void everyFontIsEmbedded() {
        assertAll(UNITS.stream().map(name -> () -> {
            Path pdf = PDF.get(name);
            assertEquals(Set.of(), PdfContent.nonEmbeddedFonts(pdf), name);
            assertTrue(PdfContent.embeddedFonts(pdf).stream().anyMatch(f -> f.contains("LiberationSerif")),
                    name + ": " + PdfContent.embeddedFonts(pdf));
            assertEquals(Set.of(), PdfFontCheck.nonEmbeddedFonts(pdf), name + ": the renderer's own check agrees");
        }));
    }

    @Test
    void headerFollowsDecree30AndTheTitleNamesTheUnit() {
        List<String> lines = PdfContent.pages(PDF.get("UBND xã Ninh Xá")).get(0).lines().map(PdfContent::flat)
                .filter(l -> !l.isEmpty()).toList();
        assertEquals("UBND TỈNH BẮC NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nfc(lines.get(0)));
        assertContainsAll(TEXT.get("UBND xã Ninh Xá"), "Độc lập - Tự do - Hạnh phúc", "Bắc Ninh, ngày 05 tháng 01 năm 2023",
                "BÁO CÁO", "Kết quả tháng 12/2022 – UBND xã Ninh Xá, huyện Thuận Thành",
                "(số liệu từ ngày 01/12/2022 đến 31/12/2022)");
        assertContainsAll(TEXT.get("Sở Xây dựng"), "Kết quả tháng 12/2022 – Sở Xây dựng (số liệu");
    }

    @Test
    void theUnitsStandingComesFirst() {
        assertAll(UNITS.stream().map(name -> () -> {
            String text = nfc(TEXT.get(name));
            String headline = nfc(PdfContent.flat((String) PARAMS.get(name).get("headline")));
            int at = text.indexOf(headline);
            assertTrue(at > 0, name + ": no headline '" + headline + "' in " + text);
            assertTrue(at < text.indexOf("Kết quả các chỉ tiêu của đơn vị"), name + ": headline before the table");
            assertTrue(at < text.indexOf("BÁO CÁO") + 200, name + ": right under the title");
        }));
        assertContainsAll(TEXT.get("Sở Xây dựng"),
                "Sở Xây dựng: 3/3 chỉ tiêu đạt; xếp thứ 1/20 cấp tỉnh về xử lý văn bản điện tử.");
        assertContainsAll(TEXT.get("UBND huyện Gia Bình"),
                "UBND huyện Gia Bình: 1/3 chỉ tiêu đạt; xếp thứ 7/8 cấp huyện về xử lý văn bản điện tử.",
                "Chỉ tiêu chưa đạt: tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 đạt 53,33% (chỉ tiêu 80%); "
                        + "tỷ lệ hồ sơ giải quyết trực tuyến đạt 2,13% (chỉ tiêu 50%).");
        assertContainsAll(TEXT.get("UBND xã Ninh Xá"),
                "UBND xã Ninh Xá: 0/3 chỉ tiêu đạt; xếp thứ 126/126 cấp xã về xử lý văn bản điện tử.");
    }

    @Test
    void figuresRanksAndChangesAreWrittenTheVietnameseWay() {
        assertContainsAll(TEXT.get("Sở Xây dựng"), "100%", "86%", "59,76%", "94,2%", "1/20", "3/20", "8/19", "14/20",
                "+1,85 điểm %", "+2,22 điểm %", "−0,8 điểm %", "không đổi");
        assertContainsAll(TEXT.get("UBND huyện Gia Bình"), "86,47%", "53,33%", "2,13%", "90,8%",
                "66,67%", "7/8", "8/8", "3/8", "5/8", "−0,63 điểm %", "−3,9 điểm %", "−33,33 điểm %", "Chưa đạt");
        assertContainsAll(TEXT.get("UBND xã Ninh Xá"), "0%", "60%", "126/126", "101/126", "−10 điểm %");
    }

    @Test
    void everyRowOfTheParametersIsInTheTable() {
        assertAll(UNITS.stream().map(name -> () -> {
            for (Object o : (List<?>) PARAMS.get(name).get("unitFigures")) {
                Map<?, ?> row = (Map<?, ?>) o;
                assertContainsAll(TEXT.get(name), (String) row.get("valueText"));
                if (row.get("rankText") != null) {
                    assertContainsAll(TEXT.get(name), (String) row.get("rankText"));
                }
                if (row.get("changePrevText") != null) {
                    assertContainsAll(TEXT.get(name), PdfContent.flat((String) row.get("changePrevText")));
                }
            }
        }));
    }

    @Test
    void columnTitlesNameTheLevelAndThePeriodsCompared() {
        assertTrue(printedTexts(PARAMS.get("Sở Xây dựng")).containsAll(List.of("Xếp hạng cấp tỉnh", "So với tháng 11/2022",
                "So với tháng 12/2021")));
        assertTrue(printedTexts(PARAMS.get("UBND huyện Gia Bình")).contains("Xếp hạng cấp huyện"));
        assertTrue(printedTexts(PARAMS.get("UBND xã Ninh Xá")).contains("Xếp hạng cấp xã"));
    }

    @Test
    void aYearEarlierWithoutDataReadsNoDataNotZero() {
        List<String> cells = printedTexts(PARAMS.get("Sở Xây dựng"));
        assertEquals(4, cells.stream().filter("chưa có số liệu"::equals).count(), "one per row, the year-earlier column: " + cells);
        assertContainsAll(TEXT.get("Sở Xây dựng"), "chưa có số liệu");
    }

    @Test
    void aLocalityHasItsFeedbackParagraph() {
        assertContainsAll(TEXT.get("UBND huyện Gia Bình"),
                "Số phản ánh kiến nghị trên địa bàn tiếp nhận tháng 12/2022 là 3, đã xử lý 2, tỷ lệ xử lý đạt 66,67%; "
                        + "mức độ hài lòng của người dân chưa có số liệu.");
        assertTrue(!TEXT.get("Sở Xây dựng").contains("Số phản ánh kiến nghị trên địa bàn"), "a department is no locality");
    }

    @Test
    void theProvinceHeadlineFollows() {
        assertContainsAll(TEXT.get("Sở Xây dựng"),
                "Kết quả chung tháng 12/2022 trên địa bàn tỉnh Bắc Ninh: tỷ lệ xử lý văn bản điện tử trung bình cấp tỉnh "
                        + "đạt 99,11% (chỉ tiêu 90%); tỷ lệ hồ sơ giải quyết trực tuyến toàn tỉnh đạt 31,61%, chưa đạt chỉ tiêu "
                        + "50%; tỷ lệ xử lý phản ánh kiến nghị toàn tỉnh đạt 65,64%.");
        assertContainsAll(TEXT.get("UBND xã Ninh Xá"), "trung bình cấp xã đạt 97,15% (chỉ tiêu 60%)");
        assertContainsAll(TEXT.get("Sở Xây dựng"), "Số liệu được tổng hợp tự động", "đọc lúc 05/01/2023 07:30");
    }

    @Test
    void textStaysWithinTheMargins() {
        assertAll(UNITS.stream().map(name -> () -> {
            double[] extent = PdfContent.textExtent(PDF.get(name));
            assertTrue(extent[0] >= 85 - 0.5, name + ": text starts at " + extent[0]);
            assertTrue(extent[1] <= 595 - 42 + 0.5, name + ": text ends at " + extent[1]);
        }));
    }

    @Test
    void noTextIsCutOff() {
        assertAll(UNITS.stream().map(name -> () -> assertEquals(List.of(), cutTexts(PARAMS.get(name)), name)));
    }

    @Test
    void theLongestCaseStillFitsOnePage(@TempDir Path dir) {
        // A date range in the column titles, a commune that is a feedback locality (five rows), every target missed.
        Unit district = PlainIndicators.unit("TP-TS", "UBND thành phố Từ Sơn", Level.DISTRICT, null);
        Unit commune = PlainIndicators.unit("P-DN", "UBND phường Đồng Nguyên", Level.COMMUNE, "TP-TS");
        Period range = Period.parse("2022-01-01..2022-06-30");
        Indicators now = PlainIndicators.of(range, List.of(PlainIndicators.edoc(commune, 1, 3)),
                List.of(PlainIndicators.dvc(commune, 1, 3, 1, 7, 1, 9)), List.of(PlainIndicators.locality(commune, 7, 1, 6, 3)));
        Indicators before = PlainIndicators.of(range.previous(), List.of(PlainIndicators.edoc(commune, 2, 3)),
                List.of(PlainIndicators.dvc(commune, 2, 3, 6, 7, 8, 9)), List.of(PlainIndicators.locality(commune, 7, 6, 0, 0)));
        Map<String, Object> params = UnitParameters.build(commune, now, before, before, new UnitTree(List.of(district, commune)),
                SampleIndicators.context(), Labels.load(TEMPLATES, "vi"));
        Path pdf = dir.resolve("long.pdf");
        new JasperRenderer(TEMPLATES).renderUnitPdf(params, Labels.load(TEMPLATES, "vi"), pdf);
        assertEquals(1, PdfContent.pages(pdf).size());
        assertEquals(List.of(), cutTexts(params));
        assertContainsAll(PdfContent.text(pdf), "−33,33 điểm %", "−71,43 điểm %", "Số liệu được tổng hợp tự động");
        assertTrue(printedTexts(params).contains("So với " + params.get("previousPeriodLabel")), "the range compared with");
        assertTrue(((String) params.get("previousPeriodLabel")).matches("từ \\d\\d/\\d\\d/2021 đến 31/12/2021"),
                (String) params.get("previousPeriodLabel"));
    }

    /** Every text the filled bulletin prints, one per box (a table cell's text whole, however it wraps). */
    private static List<String> printedTexts(Map<String, Object> params) {
        return FilledTexts.printed(new JasperRenderer(TEMPLATES).fillUnit(params, Labels.load(TEMPLATES, "vi"))).stream()
                .map(PdfContent::flat).toList();
    }

    /** Texts the fill had to cut because their box could not grow. */
    private static List<String> cutTexts(Map<String, Object> params) {
        return FilledTexts.cut(() -> new JasperRenderer(TEMPLATES).fillUnit(params, Labels.load(TEMPLATES, "vi")));
    }
}
