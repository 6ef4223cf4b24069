package vn.bantin.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of administrative procedures (TTHC) as at 31/12/2022, before Decree 42/2022:
 * online levels 1-4. Each unit gets the number of procedures, and of level 3/4 ones, that
 * {@link DvcPlan} gives it.
 */
final class Catalogue {

    /** One row of procedures.csv. */
    record Procedure(String code, String name, String unit, int onlineLevel) {
        boolean online() {
            return onlineLevel >= 3;
        }
    }

    static final String[] HEADER = {"code", "name", "unit", "online_level"};

    /** Share of level 3/4 procedures that reach level 4 (full online) in 2022. */
    private static final double LEVEL_4 = 0.35;
    /** Share of the other procedures that reach level 2 (forms online) rather than 1. */
    private static final double LEVEL_2 = 0.8;

    /** A procedure's name is a verb, a subject of its unit and a qualifier: "Cấp lại giấy phép lái xe cho cá nhân". */
    private static final String[] VERBS = {"Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn"};
    private static final String[] QUALIFIERS = {
        "", " cho tổ chức", " cho cá nhân", " cho doanh nghiệp có vốn đầu tư nước ngoài", " theo cơ chế liên thông",
    };

    /** What each unit's procedures are about; names are a verb and one of these. */
    private static final Map<String, String[]> SUBJECTS = new LinkedHashMap<>();

    static {
        SUBJECTS.put("STTTT", new String[] {"giấy phép xuất bản bản tin", "giấy phép thiết lập trang thông tin điện tử tổng hợp", "giấy phép hoạt động in"});
        SUBJECTS.put("SNNPTNT", new String[] {"giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản", "giấy phép hoạt động thủy lợi", "chứng chỉ hành nghề thú y", "giấy phép vận chuyển thuốc thú y"});
        SUBJECTS.put("SGDDT", new String[] {"bản sao văn bằng, chứng chỉ", "giấy phép hoạt động giáo dục", "giấy phép dạy thêm, học thêm", "công nhận trường đạt chuẩn quốc gia"});
        SUBJECTS.put("SXD", new String[] {"giấy phép xây dựng công trình", "chứng chỉ hành nghề hoạt động xây dựng", "chứng chỉ năng lực hoạt động xây dựng"});
        SUBJECTS.put("BQLATTP", new String[] {"giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "bản tự công bố sản phẩm", "giấy xác nhận nội dung quảng cáo thực phẩm"});
        SUBJECTS.put("STC", new String[] {"mã số đơn vị có quan hệ với ngân sách", "quyết định giá tài sản công"});
        SUBJECTS.put("SKHDT", new String[] {"giấy chứng nhận đăng ký doanh nghiệp", "giấy chứng nhận đăng ký đầu tư", "giấy chứng nhận đăng ký hợp tác xã", "quyết định chủ trương đầu tư"});
        SUBJECTS.put("SNV", new String[] {"giấy phép thành lập hội", "công nhận ban vận động thành lập hội", "đăng ký hoạt động tín ngưỡng"});
        SUBJECTS.put("STP", new String[] {"phiếu lý lịch tư pháp", "chứng chỉ hành nghề công chứng", "giấy đăng ký hoạt động văn phòng luật sư", "quốc tịch Việt Nam"});
        SUBJECTS.put("SYT", new String[] {"chứng chỉ hành nghề khám bệnh, chữa bệnh", "giấy phép hoạt động phòng khám", "chứng chỉ hành nghề dược", "giấy chứng nhận đủ điều kiện kinh doanh dược"});
        SUBJECTS.put("SCT", new String[] {"giấy phép kinh doanh bán lẻ sản phẩm thuốc lá", "giấy phép bán buôn rượu", "giấy chứng nhận đủ điều kiện cửa hàng xăng dầu", "giấy phép hoạt động điện lực"});
        SUBJECTS.put("SGTVT", new String[] {"giấy phép lái xe", "giấy phép kinh doanh vận tải bằng xe ô tô", "phù hiệu xe ô tô kinh doanh vận tải", "giấy phép thi công công trình đường bộ"});
        SUBJECTS.put("STNMT", new String[] {"giấy chứng nhận quyền sử dụng đất cho tổ chức", "giấy phép môi trường", "giấy phép khai thác nước dưới đất", "giấy phép khai thác khoáng sản"});
        SUBJECTS.put("SLDTBXH", new String[] {"giấy phép lao động cho người nước ngoài", "giấy phép hoạt động giáo dục nghề nghiệp", "trợ cấp ưu đãi người có công"});
        SUBJECTS.put("SVHTTDL", new String[] {"giấy phép tổ chức biểu diễn nghệ thuật", "quyết định công nhận cơ sở lưu trú du lịch", "giấy phép kinh doanh karaoke", "thẻ hướng dẫn viên du lịch"});
        SUBJECTS.put("SKHCN", new String[] {"giấy chứng nhận doanh nghiệp khoa học và công nghệ", "giấy phép tiến hành công việc bức xạ"});
        SUBJECTS.put("SNGV", new String[] {"văn bản cho phép tổ chức hội nghị quốc tế", "văn bản cho phép sử dụng thẻ ABTC"});
        SUBJECTS.put("TTT", new String[] {"quyết định giải quyết khiếu nại lần hai", "kết luận nội dung tố cáo"});
        SUBJECTS.put("BQLKCN", new String[] {"giấy chứng nhận đăng ký đầu tư trong khu công nghiệp", "giấy phép xây dựng trong khu công nghiệp", "giấy phép lao động trong khu công nghiệp"});
        SUBJECTS.put("VPUBND", new String[] {"quyết định tặng bằng khen của Chủ tịch UBND tỉnh", "văn bản chấp thuận đón tiếp khách nước ngoài"});
    }

    private static final String[] DISTRICT_SUBJECTS = {
        "giấy chứng nhận quyền sử dụng đất", "giấy phép xây dựng nhà ở riêng lẻ", "giấy chứng nhận đăng ký hộ kinh doanh",
        "giấy phép bán lẻ rượu", "giấy chứng nhận đủ điều kiện an toàn thực phẩm", "giấy chứng nhận đăng ký hợp tác xã",
    };

    /** A commune's two procedures: the first is the one offered online where the commune offers one. */
    private static final String[] COMMUNE_PROCEDURES = {"Đăng ký khai sinh", "Chứng thực bản sao từ bản chính"};

    private Catalogue() {
    }

    static List<Procedure> build(List<DvcPlan.Counts> plan, Dice dice) {
        List<Procedure> all = new ArrayList<>();
        for (DvcPlan.Counts counts : plan) {
            all.addAll(ofUnit(counts, all.size(), dice));
        }
        return List.copyOf(all);
    }

    private static List<Procedure> ofUnit(DvcPlan.Counts counts, int numbered, Dice dice) {
        Unit unit = counts.unit();
        List<Boolean> online = new ArrayList<>();
        for (int i = 0; i < counts.procedures(); i++) {
            online.add(i < counts.onlineProcedures());
        }
        if (unit.level() != Level.COMMUNE) {
            dice.shuffle(online);
        }
        List<Procedure> procedures = new ArrayList<>();
        for (int i = 0; i < counts.procedures(); i++) {
            int level = online.get(i) ? (dice.chance(LEVEL_4) ? 4 : 3) : (dice.chance(LEVEL_2) ? 2 : 1);
            procedures.add(new Procedure(code(numbered + i), name(unit, i), unit.code(), level));
        }
        return procedures;
    }

    /** Codes shaped like the national database's: 1.00xxxx.000.00.00.H04 (H04 is Bắc Ninh). */
    private static String code(int index) {
        return "1." + Cells.padded(1001 + index, 6) + ".000.00.00.H04";
    }

    private static String name(Unit unit, int i) {
        if (unit.level() == Level.COMMUNE) {
            return COMMUNE_PROCEDURES[i % COMMUNE_PROCEDURES.length];
        }
        String[] subjects = unit.level() == Level.DISTRICT ? DISTRICT_SUBJECTS : SUBJECTS.get(unit.code());
        int verb = i % VERBS.length;
        int subject = (i / VERBS.length) % subjects.length;
        int qualifier = (i / (VERBS.length * subjects.length)) % QUALIFIERS.length;
        int round = i / (VERBS.length * subjects.length * QUALIFIERS.length);
        String name = VERBS[verb] + " " + subjects[subject] + QUALIFIERS[qualifier];
        return round == 0 ? name : name + " (trường hợp " + (round + 1) + ")";
    }

    static void write(Path file, List<Procedure> procedures) {
        try (CsvFile csv = new CsvFile(file, HEADER)) {
            for (Procedure p : procedures) {
                csv.row(p.code(), p.name(), p.unit(), Integer.toString(p.onlineLevel()));
            }
        }
    }
}
