package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bantin.indicator.PlainIndicators.dvc;
import static vn.bantin.indicator.PlainIndicators.edoc;
import static vn.bantin.indicator.PlainIndicators.locality;
import static vn.bantin.indicator.PlainIndicators.unit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import vn.bantin.config.Organisation;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.PlainIndicators;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;

/** The unit bulletin's parameters, from figures written by hand. */
class UnitParametersTest {

    static final ResourceBundle LABELS = Labels.load(Path.of("templates"), "vi");
    static final BulletinContext CTX = new BulletinContext(
            new Organisation("UBND TỈNH BẮC NINH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: /BT", "Bắc Ninh", "tỉnh Bắc Ninh"),
            LocalDate.of(2023, 1, 5), LocalDateTime.of(2023, 1, 5, 7, 30),
            List.of(new SourceSummary("documents.csv", "documents", 10, 8, 2)));

    static final Unit SXD = unit("SXD", "Sở Xây dựng", Level.PROVINCE, null);
    static final Unit SYT = unit("SYT", "Sở Y tế", Level.PROVINCE, null);
    static final Unit STP = unit("STP", "Sở Tư pháp", Level.PROVINCE, null);
    static final Unit GIA_BINH = unit("H-GB", "UBND huyện Gia Bình", Level.DISTRICT, null);
    static final Unit XA_A = unit("X-A", "UBND xã Đông Cứu", Level.COMMUNE, "H-GB");
    static final Unit XA_B = unit("X-B", "UBND xã Lãng Ngâm", Level.COMMUNE, "H-GB");
    static final UnitTree TREE = new UnitTree(List.of(SXD, SYT, STP, GIA_BINH, XA_A, XA_B));

    /** December 2022. Sở Tư pháp has no document to process; Lãng Ngâm has no figure at all. */
    static final Indicators DEC = PlainIndicators.of(Period.parse("2022-12"),
            List.of(edoc(SXD, 95, 100), edoc(SYT, 97, 100), edoc(STP, 0, 0), edoc(GIA_BINH, 80, 100), edoc(XA_A, 30, 100)),
            List.of(dvc(SXD, 9, 10, 60, 100, 90, 100), dvc(SYT, 7, 10, 40, 100, 95, 100), dvc(STP, 5, 10, 0, 0, 0, 0),
                    dvc(GIA_BINH, 150, 290, 20, 400, 300, 320)),
            List.of(locality(GIA_BINH, 20, 19, 60, 20)));

    /** November 2022: Sở Xây dựng at 93,75%, the same catalogue, 60,5% of dossiers online, none finished. */
    static final Indicators NOV = PlainIndicators.of(Period.parse("2022-11"),
            List.of(edoc(SXD, 15, 16), edoc(SYT, 90, 100)),
            List.of(dvc(SXD, 9, 10, 121, 200, 0, 0), dvc(SYT, 7, 10, 40, 100, 90, 100)),
            List.of(locality(GIA_BINH, 10, 10, 0, 0)));

    static Map<String, Object> build(Unit unit, Indicators previous, Indicators yearAgo) {
        return UnitParameters.build(unit, DEC, previous, yearAgo, TREE, CTX, LABELS);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> row(Map<String, Object> p, String indicatorId) {
        return ((List<Map<String, Object>>) p.get("unitFigures")).stream()
                .filter(r -> r.get("indicatorId").equals(indicatorId)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + indicatorId));
    }

    @SuppressWarnings("unchecked")
    static List<String> rowIds(Map<String, Object> p) {
        return ((List<Map<String, Object>>) p.get("unitFigures")).stream().map(r -> (String) r.get("indicatorId")).toList();
    }

    @Test
    void hasTheProvinceHeaderAndNamesTheUnit() {
        Map<String, Object> p = build(XA_A, NOV, null);
        assertAll(
                () -> assertEquals("UBND TỈNH BẮC NINH", p.get("orgParent")),
                () -> assertEquals("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", p.get("orgName")),
                () -> assertEquals("05", p.get("issueDay")),
                () -> assertEquals("tháng 12/2022", p.get("periodLabel")),
                () -> assertEquals("01/12/2022", p.get("periodStart")),
                () -> assertEquals("31/12/2022", p.get("periodEnd")),
                () -> assertEquals("05/01/2023 07:30", p.get("dataReadAt")),
                () -> assertEquals(2L, p.get("rejectedTotal")),
                () -> assertEquals("UBND xã Đông Cứu", p.get("unitName")),
                () -> assertEquals("X-A", p.get("unitCode")),
                () -> assertEquals("Cấp xã", p.get("levelName")),
                () -> assertEquals("cấp xã", p.get("levelPhrase")),
                () -> assertEquals("UBND huyện Gia Bình", p.get("parentName")),
                () -> assertNull(build(SXD, NOV, null).get("parentName")),
                () -> assertEquals("tháng 11/2022", p.get("previousPeriodLabel")),
                () -> assertEquals("tháng 12/2021", p.get("yearAgoPeriodLabel"), "named even without its data"));
    }

    @Test
    void changesAgainstThePreviousPeriodInPercentagePoints() {
        Map<String, Object> p = build(SXD, NOV, null);
        Map<String, Object> edoc = row(p, "edoc.rate");
        assertEquals(95.0, edoc.get("value"));
        assertEquals(93.75, edoc.get("previousValue"));
        assertEquals(1.25, (Double) edoc.get("changePrev"), 1e-9);
        assertEquals("+1,25\u00A0điểm\u00A0%", edoc.get("changePrevText"));
        assertEquals("−0,5\u00A0điểm\u00A0%", row(p, "dvc.online_dossier_share").get("changePrevText"),
                "60% against 60,5%, with a true minus sign");
        assertEquals(-0.5, (Double) row(p, "dvc.online_dossier_share").get("changePrev"), 1e-9);
        assertEquals("không đổi", row(p, "dvc.online_service_share").get("changePrevText"));
        assertEquals(0.0, row(p, "dvc.online_service_share").get("changePrev"));
        Map<String, Object> onTime = row(p, "dvc.on_time_share");
        assertEquals(90.0, onTime.get("value"));
        assertNull(onTime.get("previousValue"), "nothing finished in November");
        assertNull(onTime.get("changePrev"));
        assertNull(onTime.get("changePrevText"), "the template prints the no-data wording");
    }

    @Test
    void withoutThePreviousPeriodsChangesAreNull() {
        Map<String, Object> p = build(SXD, null, null);
        assertAll(rowIds(p).stream().map(id -> () -> {
            Map<String, Object> r = row(p, id);
            assertNull(r.get("previousValue"), id);
            assertNull(r.get("yearAgoValue"), id);
            assertNull(r.get("changePrev"), id);
            assertNull(r.get("changePrevText"), id);
            assertNull(r.get("changeYear"), id);
            assertNull(r.get("changeYearText"), id);
        }));
        assertEquals("95%", row(p, "edoc.rate").get("valueText"), "this period's figures are there");
    }

    @Test
    void theYearEarlierIsComparedLikeThePreviousPeriod() {
        Map<String, Object> p = build(SXD, null, NOV);
        assertEquals("+1,25\u00A0điểm\u00A0%", row(p, "edoc.rate").get("changeYearText"));
        assertNull(row(p, "edoc.rate").get("changePrevText"));
        assertEquals("tháng 11/2022", p.get("yearAgoPeriodLabel"), "the label of the period actually given");
    }

    @Test
    void rankIsAmongTheUnitsOfItsLevelWithAFigure() {
        Map<String, Object> edoc = row(build(SXD, NOV, null), "edoc.rate");
        assertEquals("2/2", edoc.get("rankText"), "Sở Y tế first; Sở Tư pháp has no figure");
        assertEquals(2, edoc.get("rank"));
        assertEquals(2, edoc.get("rankOf"));
        assertEquals("2/3", row(build(SYT, NOV, null), "dvc.online_service_share").get("rankText"));
        assertEquals("1/1", row(build(GIA_BINH, null, null), "edoc.rate").get("rankText"), "districts among districts");
    }

    @Test
    void aMissingFigureIsNoDataNeverZero() {
        Map<String, Object> edoc = row(build(STP, NOV, null), "edoc.rate");
        assertAll(
                () -> assertNull(edoc.get("value")),
                () -> assertEquals("chưa có số liệu", edoc.get("valueText")),
                () -> assertEquals("90%", edoc.get("targetText")),
                () -> assertNull(edoc.get("met")),
                () -> assertEquals("—", edoc.get("metText")),
                () -> assertNull(edoc.get("rank")),
                () -> assertNull(edoc.get("rankText")),
                () -> assertNull(edoc.get("changePrevText"), "not in November either"));
        Map<String, Object> onTime = row(build(SXD, NOV, null), "dvc.on_time_share");
        assertNull(onTime.get("target"), "no target set for the on-time share");
        assertNull(onTime.get("targetText"));
        assertNull(onTime.get("met"));
    }

    @Test
    void headlineGivesTheTargetsMetAndTheRankFirst() {
        assertEquals("Sở Xây dựng: 3/3 chỉ tiêu đạt; xếp thứ 2/2 cấp tỉnh về xử lý văn bản điện tử.",
                build(SXD, NOV, null).get("headline"));
        assertNull(build(SXD, NOV, null).get("notMetText"));
        Map<String, Object> health = build(SYT, NOV, null);
        assertEquals("Sở Y tế: 1/3 chỉ tiêu đạt; xếp thứ 1/2 cấp tỉnh về xử lý văn bản điện tử.", health.get("headline"));
        assertEquals("Chỉ tiêu chưa đạt: tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 đạt 70% (chỉ tiêu 80%); "
                + "tỷ lệ hồ sơ giải quyết trực tuyến đạt 40% (chỉ tiêu 50%).", health.get("notMetText"));
        assertEquals(3, health.get("targetsJudged"));
        assertEquals(1, health.get("targetsMet"));
    }

    @Test
    void headlineNamesAnotherRankWhenThereIsNoDocumentFigure() {
        assertEquals("Sở Tư pháp: 0/1 chỉ tiêu đạt; xếp thứ 3/3 cấp tỉnh về dịch vụ công trực tuyến mức độ 3, 4.",
                build(STP, null, null).get("headline"));
        assertEquals("UBND xã Lãng Ngâm: chưa có số liệu tháng 12/2022.", build(XA_B, null, null).get("headline"));
        assertEquals(0, build(XA_B, null, null).get("targetsJudged"));
    }

    @Test
    void aLocalityHasItsFeedbackFigures() {
        Map<String, Object> p = build(GIA_BINH, NOV, null);
        assertAll(
                () -> assertEquals(true, p.get("paknLocality")),
                () -> assertEquals("20", p.get("localityReceived")),
                () -> assertEquals("19", p.get("localityProcessed")),
                () -> assertEquals("95%", p.get("localityProcessedShare")),
                () -> assertEquals("3", p.get("localityRatingMean")),
                () -> assertEquals(List.of("edoc.rate", "dvc.online_service_share", "dvc.online_dossier_share",
                        "dvc.on_time_share", "pakn.processed_share"), rowIds(p)),
                () -> assertEquals("1/1", row(p, "pakn.processed_share").get("rankText")),
                () -> assertEquals("−5\u00A0điểm\u00A0%", row(p, "pakn.processed_share").get("changePrevText")));

        Map<String, Object> department = build(SXD, NOV, null);
        assertEquals(false, department.get("paknLocality"));
        assertNull(department.get("localityReceived"));
        assertFalse(rowIds(department).contains("pakn.processed_share"));
    }

    @Test
    void aLocalityWithoutFeedbackThisPeriodReceivedNone() {
        Indicators quiet = PlainIndicators.of(Period.parse("2022-12"), List.of(edoc(GIA_BINH, 80, 100)), List.of(), List.of());
        Map<String, Object> p = UnitParameters.build(GIA_BINH, quiet, NOV, null, TREE, CTX, LABELS);
        assertEquals(true, p.get("paknLocality"), "a locality in November");
        assertEquals("0", p.get("localityReceived"));
        assertNull(p.get("localityProcessedShare"));
        assertEquals("chưa có số liệu", row(p, "pakn.processed_share").get("valueText"));
    }

    @Test
    void provinceHeadlineUsesTheMeanOfTheUnitsLevel() {
        Map<String, Object> department = build(SXD, null, null);
        assertAll(
                () -> assertEquals("96%", department.get("provinceEdocLevelMean"), "mean of 95% and 97%"),
                () -> assertEquals("90%", department.get("provinceEdocLevelTarget")),
                () -> assertEquals(true, department.get("provinceEdocLevelMet")),
                () -> assertEquals("20%", department.get("provinceDossierShare"), "pooled: 120 of 600 dossiers"),
                () -> assertEquals("50%", department.get("provinceDossierTarget")),
                () -> assertEquals(false, department.get("provinceDossierMet")),
                () -> assertEquals("95%", department.get("provincePaknProcessedShare")));
        assertEquals("30%", build(XA_A, null, null).get("provinceEdocLevelMean"));
        assertEquals("60%", build(XA_A, null, null).get("provinceEdocLevelTarget"));
    }

    @Test
    void everyWordComesFromTheLabels() {
        ResourceBundle english = new java.util.ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                List<Object[]> rows = new java.util.ArrayList<>();
                for (String key : java.util.Collections.list(LABELS.getKeys())) {
                    rows.add(new Object[] {key, LABELS.getString(key)});
                }
                rows.add(new Object[] {"unit.headline.met", "{0} of {1} targets met"});
                rows.add(new Object[] {"unit.change.up", "up {0} points"});
                return rows.toArray(Object[][]::new);
            }
        };
        Map<String, Object> p = UnitParameters.build(SXD, DEC, NOV, null, TREE, CTX, english);
        assertTrue(((String) p.get("headline")).startsWith("Sở Xây dựng: 3 of 3 targets met;"), (String) p.get("headline"));
        assertEquals("up 1,25 points", row(p, "edoc.rate").get("changePrevText"));
    }
}
