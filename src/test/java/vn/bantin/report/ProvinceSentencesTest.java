package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.indicator.PlainIndicators.dvc;
import static vn.bantin.indicator.PlainIndicators.edoc;
import static vn.bantin.indicator.PlainIndicators.locality;
import static vn.bantin.indicator.PlainIndicators.unit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Indicators.CategoryCount;
import vn.bantin.indicator.Indicators.Locality;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.PlainIndicators;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;

/**
 * Every sentence of the province bulletin as a Vietnamese official reads it, from figures written by hand, through
 * {@link ProvinceParameters}, the deployed label file and province.jrxml, read back from the PDF: one unit, none,
 * several, and ties.
 */
class ProvinceSentencesTest {

    static final Path TEMPLATES = Path.of("templates");
    static final ResourceBundle LABELS = Labels.load(TEMPLATES, "vi");

    static final Unit SXD = unit("SXD", "Sở Xây dựng", Level.PROVINCE, null);
    static final Unit SYT = unit("SYT", "Sở Y tế", Level.PROVINCE, null);
    static final Unit GIA_BINH = unit("H-GB", "UBND huyện Gia Bình", Level.DISTRICT, null);
    static final Unit LUONG_TAI = unit("H-LT", "UBND huyện Lương Tài", Level.DISTRICT, null);
    static final Unit TP_BN = unit("TP-BN", "UBND thành phố Bắc Ninh", Level.DISTRICT, null);
    static final Unit DONG_CUU = unit("X-DC", "UBND xã Đông Cứu", Level.COMMUNE, "H-GB");
    static final Unit LANG_NGAM = unit("X-LN", "UBND xã Lãng Ngâm", Level.COMMUNE, "H-GB");
    static final Unit NINH_XA = unit("X-NX", "UBND xã Ninh Xá", Level.COMMUNE, "H-LT");
    static final UnitTree TREE = new UnitTree(List.of(SXD, SYT, GIA_BINH, LUONG_TAI, TP_BN, DONG_CUU, LANG_NGAM, NINH_XA));

    static final Period DEC = Period.parse("2022-12");

    @TempDir
    Path out;

    /** The bulletin's body text, with line breaks and hyphenation of the PDF folded into single spaces. */
    private String bulletin(Indicators in) {
        Map<String, Object> p = new ProvinceParameters(LABELS).build(in, TREE, UnitParametersTest.CTX);
        Path pdf = out.resolve("b" + System.nanoTime() + ".pdf");
        new JasperRenderer(TEMPLATES).renderProvincePdf(p, LABELS, pdf);
        return PdfContent.text(pdf).replaceAll("\\s+", " ");
    }

    private static List<Indicators.UnitRate> edocAllMet(Indicators.UnitRate... changed) {
        List<Indicators.UnitRate> rows = new java.util.ArrayList<>(List.of(edoc(SXD, 95, 100), edoc(SYT, 97, 100),
                edoc(GIA_BINH, 90, 100), edoc(LUONG_TAI, 90, 100), edoc(TP_BN, 90, 100), edoc(DONG_CUU, 90, 100),
                edoc(LANG_NGAM, 90, 100), edoc(NINH_XA, 90, 100)));
        for (Indicators.UnitRate c : changed) {
            rows.replaceAll(r -> r.unit().equals(c.unit()) ? c : r);
        }
        return rows;
    }

    private static final List<Indicators.UnitDvc> DVC_NONE_BOTH = List.of(dvc(SXD, 9, 10, 10, 100, 90, 100),
            dvc(SYT, 5, 10, 60, 100, 90, 100));

    private static Indicators of(List<Indicators.UnitRate> edoc, List<Indicators.UnitDvc> dvc, List<Locality> localities) {
        return PlainIndicators.of(DEC, edoc, dvc, localities);
    }

    /** The same figures with the feedback rankings and subjects the engine would give. */
    private static Indicators withPakn(Indicators in, List<CategoryCount> categories, List<Locality> most, List<Locality> fewest,
                                       List<Locality> highest, List<Locality> lowest, List<Locality> best) {
        Indicators.Pakn k = in.pakn();
        return new Indicators(in.period(), in.edoc(), in.dvc(), new Indicators.Pakn(k.received(), k.processed(),
                k.processedShare(), k.rating(), k.localities(), categories, most, fewest, highest, lowest, best));
    }

    private static void contains(String text, String... sentences) {
        assertAll(Arrays.stream(sentences).map(s -> (Executable) () -> assertTrue(text.contains(s),
                "lacks «" + s + "» in: " + text.substring(0, Math.min(text.length(), 3000)))));
    }

    @Test
    void noUnitBelowTargetAndNoUnitMeetingBothOnlineTargets() {
        String text = bulletin(of(edocAllMet(), DVC_NONE_BOTH, List.of()));
        contains(text, "Tất cả các cơ quan, đơn vị, địa phương có số liệu đều đạt chỉ tiêu được giao.",
                "Kết quả tháng 12/2022, chưa có đơn vị nào đạt cả 2 chỉ tiêu Nghị quyết số 17/NQ-CP giai đoạn 2021-2025 đề ra.");
        assertFalse(text.contains("Trong đó có trường hợp"), "no unit at 0");
        assertFalse(text.contains("Đến nay"), "the bulletin is about December 2022, not about today");
    }

    @Test
    void oneCommuneBelowTargetIsNamedAloneWithItsDistrict() {
        String text = bulletin(of(edocAllMet(edoc(DONG_CUU, 30, 100)), List.of(dvc(SXD, 9, 10, 60, 100, 90, 100),
                dvc(SYT, 5, 10, 60, 100, 90, 100)), List.of()));
        contains(text, "tuy nhiên còn UBND xã Đông Cứu, huyện Gia Bình chưa đạt chỉ tiêu được giao.",
                "Kết quả tháng 12/2022, có 01 đơn vị đạt cả 2 chỉ tiêu Nghị quyết số 17/NQ-CP giai đoạn 2021-2025 đề ra, gồm:"
                        + " Sở Xây dựng.");
        assertFalse(text.contains("còn 1 cơ quan"), "one unit is named, not counted");
    }

    @Test
    void unitsAtZeroAreEachNamedWithTheirPlaceAndJoinedByVa() {
        String text = bulletin(of(edocAllMet(edoc(DONG_CUU, 0, 100), edoc(NINH_XA, 0, 40)), DVC_NONE_BOTH, List.of()));
        contains(text, "tuy nhiên còn 2 cơ quan, đơn vị, địa phương chưa đạt chỉ tiêu được giao, gồm: UBND xã Đông Cứu,"
                        + " huyện Gia Bình; UBND xã Ninh Xá, huyện Lương Tài.",
                "Trong đó có trường hợp UBND xã Đông Cứu, huyện Gia Bình và UBND xã Ninh Xá, huyện Lương Tài không phát sinh"
                        + " văn bản đi có ký số từ hồ sơ công việc");
        assertFalse(text.contains(", UBND huyện"), "a commune and its district read as two units");
    }

    @Test
    void manyUnitsBelowTargetAreCountedAndListed() {
        String text = bulletin(of(List.of(edoc(SXD, 50, 100), edoc(SYT, 50, 100), edoc(GIA_BINH, 90, 100)),
                DVC_NONE_BOTH, List.of()));
        contains(text, "Còn 2 cơ quan, đơn vị, địa phương chưa đạt chỉ tiêu được giao, gồm: Sở Xây dựng; Sở Y tế.");
    }

    @Test
    void feedbackOfTiedLocalitiesNamesThePlacesJoinedByVa() {
        Locality gb = locality(GIA_BINH, 20, 20, 80, 20);
        Locality lt = locality(LUONG_TAI, 20, 10, 60, 20);
        Locality bn = locality(TP_BN, 5, 2, 20, 5);
        Indicators in = withPakn(of(edocAllMet(), DVC_NONE_BOTH, List.of(gb, lt, bn)), List.of(),
                List.of(gb, lt), List.of(bn), List.of(gb), List.of(bn), List.of(gb, bn));
        String text = bulletin(in);
        contains(text, "Trong đó, huyện Gia Bình và huyện Lương Tài tiếp nhận số phản ánh kiến nghị nhiều nhất với 20 phản ánh"
                        + " kiến nghị, thành phố Bắc Ninh tiếp nhận ít nhất với 5 phản ánh kiến nghị.",
                "Về tỷ lệ xử lý, huyện Gia Bình đạt tỷ lệ cao nhất là 100%, thành phố Bắc Ninh có tỷ lệ thấp nhất là 40%.",
                "trong đó huyện Gia Bình và thành phố Bắc Ninh đạt được sự hài lòng của người dân cao nhất (4 điểm)");
        assertFalse(text.contains("UBND huyện Gia Bình tiếp nhận"), "a place receives feedback, not its committee");
    }

    @Test
    void oneLocalityIsNotBothTheMostAndTheFewest() {
        Locality gb = locality(GIA_BINH, 20, 19, 80, 20);
        Indicators in = withPakn(of(edocAllMet(), DVC_NONE_BOTH, List.of(gb)), List.of(new CategoryCount("Rác thải", 20)),
                List.of(gb), List.of(gb), List.of(gb), List.of(gb), List.of(gb));
        String text = bulletin(in);
        contains(text, "Trong đó, huyện Gia Bình tiếp nhận 20 phản ánh kiến nghị.", "Về tỷ lệ xử lý, huyện Gia Bình đạt 95%.",
                "Các vấn đề nhận được sự quan tâm nhiều nhất là: Rác thải.");
        assertFalse(text.contains("ít nhất"), text);
    }

    @Test
    void noFeedbackSaysSoOnce() {
        String text = bulletin(of(edocAllMet(), DVC_NONE_BOTH, List.of()));
        contains(text, "Số phản ánh kiến nghị theo địa phương: chưa có số liệu.", "Lĩnh vực được phản ánh: chưa có số liệu.");
    }

    @Test
    void theCatchAllSubjectIsNotAConcernAndASubjectWithACommaStaysOne() {
        Locality gb = locality(GIA_BINH, 100, 90, 300, 100);
        List<CategoryCount> categories = List.of(new CategoryCount("Rác thải", 30), new CategoryCount("Khác", 25),
                new CategoryCount("Cấp nước, thoát nước", 20), new CategoryCount("Đỗ xe", 15), new CategoryCount("Tiếng ồn", 4),
                new CategoryCount("Chiếu sáng", 2), new CategoryCount("Ùn tắc", 1), new CategoryCount("Lòng đường", 1),
                new CategoryCount("Cây xanh", 1), new CategoryCount("Đất đai", 1), new CategoryCount("Ngập úng", 1));
        Indicators in = withPakn(of(edocAllMet(), DVC_NONE_BOTH, List.of(gb)), categories,
                List.of(gb), List.of(gb), List.of(gb), List.of(gb), List.of(gb));
        Map<String, Object> p = new ProvinceParameters(LABELS).build(in, TREE, UnitParametersTest.CTX);
        assertEquals("Rác thải; Cấp nước, thoát nước; Đỗ xe; Tiếng ồn; Chiếu sáng; Ùn tắc; Lòng đường; Cây xanh; Đất đai;"
                + " Ngập úng", p.get("paknTopCategories"), "Khác left out, the eleventh comes in");
        assertEquals(10, ((List<?>) p.get("paknCategories")).size());
        assertFalse(((List<?>) p.get("paknCategories")).toString().contains("Khác"), "chart 3 names concerns only");
        contains(bulletin(in), "Các vấn đề nhận được sự quan tâm nhiều nhất là: Rác thải; Cấp nước, thoát nước; Đỗ xe;");
    }
}
