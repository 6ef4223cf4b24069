package vn.bantin.indicator;

import java.util.Locale;
import java.util.Optional;

/** The six groups of Decision 766 and the total, in the portal's display order, with their nominal maxima. */
public enum Group766 {
    CONG_KHAI(18, "Công khai, minh bạch"),
    TIEN_DO(20, "Tiến độ, kết quả giải quyết"),
    DVC_TRUC_TUYEN(12, "Cung cấp dịch vụ công trực tuyến"),
    THANH_TOAN(10, "Thanh toán trực tuyến"),
    SO_HOA(22, "Số hóa hồ sơ"),
    HAI_LONG(18, "Mức độ hài lòng"),
    TONG(100, "Tổng điểm");

    private final double nominal;
    private final String name;

    Group766(double nominal, String name) {
        this.nominal = nominal;
        this.name = name;
    }

    /** {@code cong_khai}, …, {@code tong}: the code of official-766.csv and of indicators.csv ids. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The portal's maximum (18, 20, 12, 10, 22, 18, 100): the official scale. */
    public double nominal() {
        return nominal;
    }

    /** The Vietnamese name of the group. */
    public String title() {
        return name;
    }

    /** A group (not the total) whose items are computed locally: every group but công khai. */
    public boolean local() {
        return this != CONG_KHAI && this != TONG;
    }

    public static Optional<Group766> parse(String code) {
        for (Group766 g : values()) {
            if (g.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
