package vn.bantin.sample;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The organisation tree of Bắc Ninh in 2022: 20 provincial agencies, the 8 district-level
 * units and their 126 commune-level units. The province itself is not a unit.
 */
final class BacNinh {

    static final String NINH_XA = "X-NINHXA";
    static final String THUAN_THANH = "H-TT";

    /** Codes of the district-level units, in the order used throughout the sample. */
    static final String BAC_NINH_CITY = "TP-BN";
    static final String TU_SON = "TP-TS";
    static final String QUE_VO = "H-QV";
    static final String TIEN_DU = "H-TD";
    static final String YEN_PHONG = "H-YP";
    static final String GIA_BINH = "H-GB";
    static final String LUONG_TAI = "H-LT";

    private static final String[][] AGENCIES = {
        {"STTTT", "Sở Thông tin và Truyền thông"},
        {"SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"},
        {"SGDDT", "Sở Giáo dục và Đào tạo"},
        {"SXD", "Sở Xây dựng"},
        {"BQLATTP", "Ban Quản lý An toàn thực phẩm"},
        {"STC", "Sở Tài chính"},
        {"SKHDT", "Sở Kế hoạch và Đầu tư"},
        {"SNV", "Sở Nội vụ"},
        {"STP", "Sở Tư pháp"},
        {"SYT", "Sở Y tế"},
        {"SCT", "Sở Công Thương"},
        {"SGTVT", "Sở Giao thông vận tải"},
        {"STNMT", "Sở Tài nguyên và Môi trường"},
        {"SLDTBXH", "Sở Lao động - Thương binh và Xã hội"},
        {"SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"},
        {"SKHCN", "Sở Khoa học và Công nghệ"},
        {"SNGV", "Sở Ngoại vụ"},
        {"TTT", "Thanh tra tỉnh"},
        {"BQLKCN", "Ban Quản lý các khu công nghiệp"},
        {"VPUBND", "Văn phòng UBND tỉnh"},
    };

    /** District code, its name, then its communes as "kind:name" (p = phường, tt = thị trấn, x = xã). */
    private static final String[][] DISTRICTS = {
        {BAC_NINH_CITY, "UBND thành phố Bắc Ninh",
            "p:Đại Phúc", "p:Đáp Cầu", "p:Hạp Lĩnh", "p:Hòa Long", "p:Khắc Niệm", "p:Khúc Xuyên",
            "p:Kim Chân", "p:Kinh Bắc", "p:Nam Sơn", "p:Ninh Xá", "p:Phong Khê", "p:Suối Hoa",
            "p:Thị Cầu", "p:Tiền An", "p:Vạn An", "p:Vân Dương", "p:Vệ An", "p:Võ Cường", "p:Vũ Ninh"},
        {TU_SON, "UBND thành phố Từ Sơn",
            "p:Châu Khê", "p:Đình Bảng", "p:Đông Ngàn", "p:Đồng Kỵ", "p:Đồng Nguyên", "p:Hương Mạc",
            "p:Phù Chẩn", "p:Phù Khê", "p:Tam Sơn", "p:Tân Hồng", "p:Trang Hạ", "p:Tương Giang"},
        {QUE_VO, "UBND huyện Quế Võ",
            "tt:Phố Mới", "x:Bằng An", "x:Bồng Lai", "x:Cách Bi", "x:Châu Phong", "x:Chi Lăng",
            "x:Đại Xuân", "x:Đào Viên", "x:Đức Long", "x:Hán Quảng", "x:Mộ Đạo", "x:Ngọc Xá",
            "x:Nhân Hòa", "x:Phù Lãng", "x:Phù Lương", "x:Phượng Mao", "x:Phương Liễu", "x:Quế Tân",
            "x:Việt Hùng", "x:Việt Thống", "x:Yên Giả"},
        {THUAN_THANH, "UBND huyện Thuận Thành",
            "tt:Hồ", "x:An Bình", "x:Đại Đồng Thành", "x:Đình Tổ", "x:Gia Đông", "x:Hà Mãn",
            "x:Hoài Thượng", "x:Mão Điền", "x:Nghĩa Đạo", "x:Ngũ Thái", "x:Nguyệt Đức", "x:Ninh Xá",
            "x:Song Hồ", "x:Song Liễu", "x:Thanh Khương", "x:Trạm Lộ", "x:Trí Quả", "x:Xuân Lâm"},
        {TIEN_DU, "UBND huyện Tiên Du",
            "tt:Lim", "x:Cảnh Hưng", "x:Đại Đồng", "x:Hiên Vân", "x:Hoàn Sơn", "x:Lạc Vệ",
            "x:Liên Bão", "x:Minh Đạo", "x:Nội Duệ", "x:Phật Tích", "x:Phú Lâm", "x:Tân Chi",
            "x:Tri Phương", "x:Việt Đoàn"},
        {YEN_PHONG, "UBND huyện Yên Phong",
            "tt:Chờ", "x:Dũng Liệt", "x:Đông Phong", "x:Đông Thọ", "x:Đông Tiến", "x:Hòa Tiến",
            "x:Long Châu", "x:Tam Đa", "x:Tam Giang", "x:Thụy Hòa", "x:Trung Nghĩa", "x:Văn Môn",
            "x:Yên Phụ", "x:Yên Trung"},
        {GIA_BINH, "UBND huyện Gia Bình",
            "tt:Gia Bình", "x:Bình Dương", "x:Cao Đức", "x:Đại Bái", "x:Đại Lai", "x:Đông Cứu",
            "x:Giang Sơn", "x:Lãng Ngâm", "x:Nhân Thắng", "x:Quỳnh Phú", "x:Song Giang", "x:Thái Bảo",
            "x:Vạn Ninh", "x:Xuân Lai"},
        {LUONG_TAI, "UBND huyện Lương Tài",
            "tt:Thứa", "x:An Thịnh", "x:Bình Định", "x:Lai Hạ", "x:Lâm Thao", "x:Minh Tân",
            "x:Mỹ Hương", "x:Phú Hòa", "x:Phú Lương", "x:Quảng Phú", "x:Tân Lãng", "x:Trung Chính",
            "x:Trung Kênh", "x:Trừng Xá"},
    };

    private BacNinh() {
    }

    /** All units in file order: agencies, then each district followed by its communes. */
    static List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (String[] agency : AGENCIES) {
            add(units, codes, new Unit(agency[0], agency[1], Level.PROVINCE, null));
        }
        for (String[] district : DISTRICTS) {
            String districtCode = district[0];
            add(units, codes, new Unit(districtCode, district[1], Level.DISTRICT, null));
            for (int i = 2; i < district.length; i++) {
                add(units, codes, commune(district[i], districtCode, codes));
            }
        }
        return List.copyOf(units);
    }

    /**
     * The 154 units of {@link #units()}, then {@code total - 154} made-up communes ("UBND xã Thêm 1", code
     * X-THEM0001, …) spread in turn over the 8 districts: the same tree at the size of a larger province, for the
     * cluster benchmark. Always the same units for the same {@code total}.
     */
    static List<Unit> units(int total) {
        List<Unit> units = new ArrayList<>(units());
        if (total < units.size()) {
            throw new IllegalArgumentException("--units " + total + " is fewer than Bắc Ninh's " + units.size()
                    + " units; give " + units.size() + " or more");
        }
        int extra = total - units.size();
        for (int i = 1; i <= extra; i++) {
            String district = DISTRICTS[(i - 1) % DISTRICTS.length][0];
            units.add(new Unit(String.format(Locale.ROOT, "X-THEM%04d", i), "UBND xã Thêm " + i, Level.COMMUNE, district));
        }
        // In file order: each district followed by its communes, the new ones last.
        List<Unit> ordered = new ArrayList<>(units.stream().filter(u -> u.level() == Level.PROVINCE).toList());
        for (String[] district : DISTRICTS) {
            units.stream().filter(u -> u.code().equals(district[0])).forEach(ordered::add);
            units.stream().filter(u -> district[0].equals(u.parent())).forEach(ordered::add);
        }
        return List.copyOf(ordered);
    }

    private static void add(List<Unit> units, Set<String> codes, Unit unit) {
        if (!codes.add(unit.code())) {
            throw new IllegalStateException("duplicate unit code " + unit.code());
        }
        units.add(unit);
    }

    private static Unit commune(String entry, String districtCode, Set<String> taken) {
        String kind = entry.substring(0, entry.indexOf(':'));
        String place = entry.substring(entry.indexOf(':') + 1);
        String title = switch (kind) {
            case "p" -> "phường";
            case "tt" -> "thị trấn";
            default -> "xã";
        };
        String code = kind.toUpperCase(Locale.ROOT) + "-" + ascii(place);
        if (taken.contains(code)) {
            // Phù Lương (Quế Võ) and Phú Lương (Lương Tài) fold to the same ASCII: suffix the district.
            code = code + "-" + districtCode.substring(districtCode.indexOf('-') + 1);
        }
        return new Unit(code, "UBND " + title + " " + place, Level.COMMUNE, districtCode);
    }

    /** "Ninh Xá" becomes "NINHXA": diacritics and spaces removed, đ written as D. */
    static String ascii(String text) {
        String folded = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
