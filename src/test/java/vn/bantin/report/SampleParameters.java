package vn.bantin.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The renderer's parameters for Bắc Ninh, year 2022, carrying the published summary's figures
 * (shared/reference/2022-summary-figures.md), built as the run stage would build them.
 */
final class SampleParameters {

    static final List<String> DEPARTMENTS_MEETING_BOTH = List.of(
            "Ban Quản lý An toàn thực phẩm",
            "Sở Thông tin và Truyền thông",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Giáo dục và Đào tạo",
            "Sở Xây dựng");

    static final List<String> TOP_SUBJECTS = List.of(
            "Rác thải", "Chất thải", "Vỉa hè lề đường", "Công trình xây dựng", "Đỗ xe",
            "Chiếu sáng", "Tai nạn giao thông", "Tiếng ồn", "Lòng đường", "Ùn tắc");

    static final String PROVINCE = "Cấp tỉnh";
    static final String DISTRICT = "Cấp huyện";
    static final String COMMUNE = "Cấp xã";

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private SampleParameters() {
    }

    static Map<String, Object> year2022() {
        Map<String, Object> p = new HashMap<>();
        p.put("orgParent", "UBND tỉnh Bắc Ninh");
        p.put("orgName", "Sở Thông tin và Truyền thông");
        p.put("docNumber", "Số: 05/BC-STTTT");
        p.put("docType", "BC");
        p.put("place", "Bắc Ninh");
        p.put("issueDay", "05");
        p.put("issueMonth", "01");
        p.put("issueYear", "2023");
        p.put("provinceName", "tỉnh Bắc Ninh");
        p.put("periodLabel", "năm 2022");
        p.put("periodStart", "01/01/2022");
        p.put("periodEnd", "31/12/2022");
        p.put("dataReadAt", "05/01/2023 07:30");

        p.put("edocProvinceMean", "93,78%");
        p.put("edocDistrictMean", "92,53%");
        p.put("edocCommuneMean", "94,57%");
        p.put("edocProvinceTarget", "90%");
        p.put("edocDistrictTarget", "80%");
        p.put("edocCommuneTarget", "60%");
        p.put("edocProvinceMet", true);
        p.put("edocDistrictMet", true);
        p.put("edocCommuneMet", true);
        p.put("edocProvinceMetText", "Đạt");
        p.put("edocDistrictMetText", "Đạt");
        p.put("edocCommuneMetText", "Đạt");
        p.put("edocAllLevelsMet", true);
        p.put("edocBelowTargetCount", 3);
        p.put("edocBelowTargetNames", "Sở Y tế; UBND huyện Thuận Thành; UBND xã Ninh Xá, huyện Thuận Thành");
        p.put("edocZeroNames", "UBND xã Ninh Xá, huyện Thuận Thành"); // unit with its district as a place (label edoc.zeroUnit)
        p.put("edocUnits", edocUnits());
        p.put("edocLevels", List.of(
                level(PROVINCE, "mean", 93.78, "target", 90.0),
                level(DISTRICT, "mean", 92.53, "target", 80.0),
                level(COMMUNE, "mean", 94.57, "target", 60.0)));

        p.put("dvcServiceShare", "68,5%");
        p.put("dvcServiceTarget", "80%");
        p.put("dvcDossierShare", "27,29%");
        p.put("dvcDossierTarget", "50%");
        p.put("dvcServiceMetText", "Chưa đạt");
        p.put("dvcDossierMetText", "Chưa đạt");
        p.put("dvcDossierShareProvinceLevel", "69,8%");
        p.put("dvcDossierShareDistrictLevel", "6,67%");
        p.put("dvcDossierShareCommuneLevel", "3,12%");
        p.put("dvcOnTimeShare", "97,46%");
        p.put("dvcBothCount", "05");
        p.put("dvcBothNames", String.join("; ", DEPARTMENTS_MEETING_BOTH));
        p.put("dvcUnits", dvcUnits());
        p.put("dvcLevels", List.of(
                level(PROVINCE, "dossierShare", 69.8, "onTimeShare", 98.1),
                level(DISTRICT, "dossierShare", 6.67, "onTimeShare", 96.4),
                level(COMMUNE, "dossierShare", 3.12, "onTimeShare", 97.0)));

        p.put("paknReceived", "1.724");
        p.put("paknProcessed", "1.541");
        p.put("paknProcessedShare", "89,39%");
        p.put("paknMostNames", "thành phố Bắc Ninh");
        p.put("paknMostCount", "921");
        p.put("paknFewestNames", "huyện Gia Bình");
        p.put("paknFewestCount", "21");
        p.put("paknHighestRateNames", "huyện Lương Tài");
        p.put("paknHighestRate", "100%");
        p.put("paknLowestRateNames", "huyện Tiên Du");
        p.put("paknLowestRate", "64%");
        p.put("paknTopCategories", String.join(", ", TOP_SUBJECTS));
        p.put("paknRatingMean", "3,04");
        p.put("paknBestRatingNames", "huyện Gia Bình");
        p.put("paknBestRating", "3,4");
        p.put("paknLocalities", paknLocalities());
        p.put("paknCategories", paknCategories());

        p.put("dataQuality", List.of(
                quality("documents.csv", "Hệ thống Quản lý văn bản và điều hành", 48_213, 48_190, 23, "Có dòng bị loại"),
                quality("dossiers.csv", "Cổng Dịch vụ công tỉnh", 391_554, 391_554, 0, "Đầy đủ"),
                quality("feedback.csv", "Hệ thống tiếp nhận phản ánh, kiến nghị", 1_731, 1_724, 7, "Có dòng bị loại")));
        p.put("rejectedTotal", 30L);

        p.put("summaryRows", summaryRows());
        return p;
    }

    // ------------------------------------------------------------------ electronic documents

    private static List<Map<String, Object>> edocUnits() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Object[][] departments = {
            {"Ban Quản lý An toàn thực phẩm", 1_204, 1_190},
            {"Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh", 3_410, 3_322},
            {"Sở Công Thương", 2_980, 2_811},
            {"Sở Giáo dục và Đào tạo", 4_112, 4_050},
            {"Sở Giao thông vận tải", 2_745, 2_610},
            {"Sở Kế hoạch và Đầu tư", 3_306, 3_120},
            {"Sở Khoa học và Công nghệ", 1_120, 1_072},
            {"Sở Lao động - Thương binh và Xã hội", 2_870, 2_640},
            {"Sở Nội vụ", 3_540, 3_398},
            {"Sở Nông nghiệp và Phát triển nông thôn", 3_012, 2_950},
            {"Sở Tài chính", 3_890, 3_700},
            {"Sở Tài nguyên và Môi trường", 4_410, 4_080},
            {"Sở Thông tin và Truyền thông", 1_690, 1_681},
            {"Sở Tư pháp", 1_502, 1_430},
            {"Sở Văn hóa, Thể thao và Du lịch", 2_210, 2_080},
            {"Sở Xây dựng", 2_640, 2_590},
            {"Sở Y tế", 3_980, 3_431},
            {"Thanh tra tỉnh", 980, 921},
        };
        for (Object[] d : departments) {
            rows.add(edocUnit(PROVINCE, (String) d[0], (int) d[1], (int) d[2], 90));
        }
        Object[][] districts = {
            {"UBND huyện Gia Bình", 5_210, 4_980},
            {"UBND huyện Lương Tài", 4_870, 4_702},
            {"UBND huyện Quế Võ", 6_120, 5_890},
            {"UBND huyện Thuận Thành", 6_450, 5_057},
            {"UBND huyện Tiên Du", 5_980, 5_610},
            {"UBND huyện Yên Phong", 6_010, 5_702},
            {"UBND thành phố Bắc Ninh", 8_920, 8_541},
            {"UBND thành phố Từ Sơn", 7_340, 6_990},
        };
        for (Object[] d : districts) {
            rows.add(edocUnit(DISTRICT, (String) d[0], (int) d[1], (int) d[2], 80));
        }
        Object[][] communes = {
            {"UBND phường Đình Bảng", 812, 790},
            {"UBND phường Đông Ngàn", 745, 721},
            {"UBND phường Suối Hoa", 910, 880},
            {"UBND phường Vũ Ninh", 860, 842},
            {"UBND thị trấn Chờ", 702, 680},
            {"UBND thị trấn Gia Bình", 640, 615},
            {"UBND thị trấn Hồ", 690, 662},
            {"UBND thị trấn Lim", 655, 631},
            {"UBND thị trấn Phố Mới", 610, 590},
            {"UBND thị trấn Thứa", 588, 570},
            {"UBND xã Đại Bái", 420, 405},
            {"UBND xã Hòa Long", 455, 440},
            {"UBND xã Kim Chân", 380, 362},
            {"UBND xã Mão Điền", 410, 396},
            {"UBND xã Ninh Xá", 214, 0},
            {"UBND xã Nội Duệ", 470, 451},
            {"UBND xã Phù Chẩn", 498, 480},
            {"UBND xã Quảng Phú", 366, 350},
            {"UBND xã Tam Sơn", 444, 431},
            {"UBND xã Trạm Lộ", 392, 377},
            {"UBND xã Việt Hùng", 401, 388},
            {"UBND xã Yên Trung", 436, 420},
        };
        for (Object[] d : communes) {
            rows.add(edocUnit(COMMUNE, (String) d[0], (int) d[1], (int) d[2], 60));
        }
        return rows;
    }

    private static Map<String, Object> edocUnit(String level, String name, long incoming, long qualifying, double target) {
        double rate = 100.0 * qualifying / incoming;
        Map<String, Object> row = new HashMap<>();
        row.put("levelName", level);
        row.put("unitCode", code(name));
        row.put("unitName", name);
        row.put("incoming", incoming);
        row.put("qualifying", qualifying);
        row.put("rate", rate);
        row.put("rateText", percent(rate));
        row.put("targetText", percent(target));
        row.put("target", target);
        row.put("met", rate >= target);
        row.put("metText", rate >= target ? "Đạt" : "Chưa đạt");
        return row;
    }

    // ------------------------------------------------------------------ online public services

    private static List<Map<String, Object>> dvcUnits() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Object[][] departments = {
            {"Ban Quản lý An toàn thực phẩm", 24, 22, 1_310, 1_020},
            {"Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh", 96, 70, 21_400, 9_950},
            {"Sở Công Thương", 121, 88, 12_050, 5_310},
            {"Sở Giáo dục và Đào tạo", 84, 72, 6_200, 4_480},
            {"Sở Giao thông vận tải", 134, 96, 48_700, 21_030},
            {"Sở Kế hoạch và Đầu tư", 118, 80, 15_900, 7_420},
            {"Sở Nông nghiệp và Phát triển nông thôn", 102, 86, 3_940, 2_380},
            {"Sở Thông tin và Truyền thông", 45, 42, 1_120, 1_050},
            {"Sở Tư pháp", 140, 90, 30_210, 11_900},
            {"Sở Xây dựng", 62, 53, 2_430, 1_610},
            {"Sở Y tế", 158, 101, 9_870, 3_950},
        };
        for (Object[] d : departments) {
            String name = (String) d[0];
            rows.add(dvcUnit(PROVINCE, name, (int) d[1], (int) d[2], (int) d[3], (int) d[4], 98.0,
                    DEPARTMENTS_MEETING_BOTH.contains(name)));
        }
        Object[][] districts = {
            {"UBND huyện Gia Bình", 290, 180, 14_200, 820},
            {"UBND huyện Lương Tài", 290, 176, 13_100, 790},
            {"UBND huyện Quế Võ", 290, 190, 21_700, 1_420},
            {"UBND huyện Thuận Thành", 290, 184, 22_400, 1_380},
            {"UBND huyện Tiên Du", 290, 188, 20_900, 1_450},
            {"UBND huyện Yên Phong", 290, 186, 19_800, 1_310},
            {"UBND thành phố Bắc Ninh", 290, 201, 35_600, 2_890},
            {"UBND thành phố Từ Sơn", 290, 198, 27_300, 2_010},
        };
        for (Object[] d : districts) {
            rows.add(dvcUnit(DISTRICT, (String) d[0], (int) d[1], (int) d[2], (int) d[3], (int) d[4], 96.4, false));
        }
        rows.add(dvcUnit(COMMUNE, "UBND phường Suối Hoa", 110, 60, 3_100, 120, 97.2, false));
        rows.add(dvcUnit(COMMUNE, "UBND xã Ninh Xá", 110, 58, 1_450, 30, 96.1, false));
        return rows;
    }

    private static Map<String, Object> dvcUnit(String level, String name, long procedures, long onlineProcedures,
            long dossiers, long onlineDossiers, double onTime, boolean bothMet) {
        double serviceShare = 100.0 * onlineProcedures / procedures;
        double dossierShare = 100.0 * onlineDossiers / dossiers;
        Map<String, Object> row = new HashMap<>();
        row.put("levelName", level);
        row.put("unitCode", code(name));
        row.put("unitName", name);
        row.put("procedures", procedures);
        row.put("onlineProcedures", onlineProcedures);
        row.put("serviceShare", serviceShare);
        row.put("serviceShareText", percent(serviceShare));
        row.put("dossiers", dossiers);
        row.put("onlineDossiers", onlineDossiers);
        row.put("dossierShare", dossierShare);
        row.put("dossierShareText", percent(dossierShare));
        row.put("onTimeShare", onTime);
        row.put("onTimeShareText", percent(onTime));
        row.put("bothMet", bothMet);
        row.put("bothMetText", bothMet ? "Đạt" : "Chưa đạt");
        return row;
    }

    // ------------------------------------------------------------------ citizens' feedback

    private static List<Map<String, Object>> paknLocalities() {
        Object[][] localities = {
            {"thành phố Bắc Ninh", 921, 850, 3.01},
            {"thành phố Từ Sơn", 310, 270, 2.96},
            {"huyện Quế Võ", 120, 100, 3.05},
            {"huyện Thuận Thành", 95, 94, 3.12},
            {"huyện Tiên Du", 125, 80, 2.88},
            {"huyện Yên Phong", 90, 85, 3.10},
            {"huyện Gia Bình", 21, 20, 3.4},
            {"huyện Lương Tài", 42, 42, 3.21},
        };
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] l : localities) {
            long received = (int) l[1];
            long processed = (int) l[2];
            double share = 100.0 * processed / received;
            double rating = (double) l[3];
            Map<String, Object> row = new HashMap<>();
            row.put("localityName", l[0]);
            row.put("received", received);
            row.put("processed", processed);
            row.put("processedShare", share);
            row.put("processedShareText", percent(share));
            row.put("ratingMean", rating);
            row.put("ratingMeanText", number(rating));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> paknCategories() {
        long[] counts = {312, 241, 198, 176, 143, 121, 97, 85, 72, 64};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < TOP_SUBJECTS.size(); i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("rank", i + 1);
            row.put("category", TOP_SUBJECTS.get(i));
            row.put("count", counts[i]);
            rows.add(row);
        }
        return rows;
    }

    // ------------------------------------------------------------------ data quality, workbook summary

    private static Map<String, Object> quality(String source, String system, long read, long counted, long rejected,
            String status) {
        Map<String, Object> row = new HashMap<>();
        row.put("source", source);
        row.put("system", system);
        row.put("rowsRead", read);
        row.put("rowsCounted", counted);
        row.put("rowsRejected", rejected);
        row.put("statusText", status);
        return row;
    }

    private static List<Map<String, Object>> summaryRows() {
        String edoc = "Xử lý văn bản điện tử";
        String dvc = "Dịch vụ công trực tuyến";
        String pakn = "Phản ánh kiến nghị";
        String edocRate = "Tỷ lệ xử lý hồ sơ công việc và ký số văn bản điện tử trung bình";
        return List.of(
                summary(edoc, edocRate, PROVINCE, 0.9378, true, 0.9, "Đạt"),
                summary(edoc, edocRate, DISTRICT, 0.9253, true, 0.8, "Đạt"),
                summary(edoc, edocRate, COMMUNE, 0.9457, true, 0.6, "Đạt"),
                summary(dvc, "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4", "Toàn tỉnh", 0.685, true, 0.8, "Chưa đạt"),
                summary(dvc, "Tỷ lệ hồ sơ giải quyết trực tuyến", "Toàn tỉnh", 0.2729, true, 0.5, "Chưa đạt"),
                summary(dvc, "Tỷ lệ hồ sơ giải quyết trực tuyến", PROVINCE, 0.698, true, 0.5, "Đạt"),
                summary(dvc, "Tỷ lệ hồ sơ giải quyết trực tuyến", DISTRICT, 0.0667, true, 0.5, "Chưa đạt"),
                summary(pakn, "Số phản ánh kiến nghị tiếp nhận", "Toàn tỉnh", 1724.0, false, null, "—"),
                summary(pakn, "Số phản ánh kiến nghị đã xử lý", "Toàn tỉnh", 1541.0, false, null, "—"),
                summary(pakn, "Tỷ lệ xử lý phản ánh kiến nghị", "Toàn tỉnh", 0.8939, true, null, "—"),
                summary(pakn, "Mức độ hài lòng trung bình (điểm/5)", "Toàn tỉnh", 3.04, false, null, "—"));
    }

    private static Map<String, Object> summary(String group, String indicator, String scope, Double value,
            boolean isPercent, Double target, String met) {
        Map<String, Object> row = new HashMap<>();
        row.put("groupName", group);
        row.put("indicatorName", indicator);
        row.put("scopeName", scope);
        row.put("value", value);
        row.put("isPercent", isPercent);
        row.put("target", target);
        row.put("metText", met);
        return row;
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> level(String name, String k1, Double v1, String k2, Double v2) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("levelName", name);
        row.put(k1, v1);
        row.put(k2, v2);
        return row;
    }

    private static String code(String name) {
        return "U" + Integer.toHexString(name.hashCode() & 0xfffff).toUpperCase(Locale.ROOT);
    }

    /** The display rule of the summary: '.' thousands, ',' decimals, at most two, no trailing zeros. */
    static String number(double value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(VI)).format(value);
    }

    static String percent(double value) {
        return number(value) + "%";
    }
}
