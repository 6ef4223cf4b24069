package vn.bantin.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The counts behind figures 3.1-3.10: citizens' feedback received in 2022, per district and per subject. */
final class FeedbackPlan {

    /** One district's feedback: received, processed, and the number and sum of the ratings given. */
    record District(String code, int received, int processed, int ratings, int ratingSum) {
        District {
            if (ratings > processed || processed > received) {
                throw new IllegalArgumentException(code + ": ratings go to processed items, processed ones are received");
            }
        }
    }

    /**
     * 1724 received, 1541 processed = 89,39% (figures 3.1-3.3). Thành phố Bắc Ninh receives the most
     * (921, figure 3.4), Gia Bình the fewest (21, figure 3.5). Lương Tài alone processes all (100%,
     * figure 3.6), Tiên Du the lowest share (32/50 = 64%, figure 3.7). Ratings: 3040 points over
     * 1000 ratings = 3,04 (figure 3.9); Gia Bình's 17/5 = 3,4 is the unique best (figure 3.10),
     * the next is Lương Tài at 182/55 = 3,31.
     */
    static final List<District> DISTRICTS = List.of(
            new District(BacNinh.BAC_NINH_CITY, 921, 831, 560, 1711),
            new District(BacNinh.TU_SON, 260, 230, 150, 435),
            new District(BacNinh.QUE_VO, 130, 116, 70, 224),
            new District(BacNinh.THUAN_THANH, 120, 100, 60, 171),
            new District(BacNinh.TIEN_DU, 50, 32, 20, 52),
            new District(BacNinh.YEN_PHONG, 140, 130, 80, 248),
            new District(BacNinh.GIA_BINH, 21, 20, 5, 17),
            new District(BacNinh.LUONG_TAI, 82, 82, 55, 182));

    /**
     * Subjects and how many items each: the first ten are figure 3.8 in order, with strictly falling
     * counts, and the eleventh (Khác, 48) is below the tenth (Ùn tắc, 50). Two texts carry a comma or
     * quotes (CSV quoting); one begins with '-', which a spreadsheet would take for a formula.
     */
    static final Map<String, Integer> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("Rác thải", 260);
        CATEGORIES.put("Chất thải", 190);
        CATEGORIES.put("Vỉa hè lề đường", 160);
        CATEGORIES.put("Công trình xây dựng", 140);
        CATEGORIES.put("Đỗ xe", 120);
        CATEGORIES.put("Chiếu sáng", 100);
        CATEGORIES.put("Tai nạn giao thông", 85);
        CATEGORIES.put("Tiếng ồn", 72);
        CATEGORIES.put("Lòng đường", 60);
        CATEGORIES.put("Ùn tắc", 50);
        CATEGORIES.put("Khác", 48);
        CATEGORIES.put("Cây xanh", 45);
        CATEGORIES.put("Đất đai", 44);
        CATEGORIES.put("Ngập úng", 42);
        CATEGORIES.put("Ô nhiễm môi trường", 40);
        CATEGORIES.put("An ninh trật tự", 38);
        CATEGORIES.put("Cấp nước, thoát nước", 36);
        CATEGORIES.put("Hạ tầng giao thông", 34);
        CATEGORIES.put("An toàn thực phẩm", 30);
        CATEGORIES.put("Điện sinh hoạt", 29);
        CATEGORIES.put("Thủ tục hành chính", 28);
        CATEGORIES.put("Y tế", 22);
        CATEGORIES.put("Giáo dục", 20);
        CATEGORIES.put("Quảng cáo \"rao vặt\"", 16);
        CATEGORIES.put("Chăn nuôi", 14);
        CATEGORIES.put("-- Ý kiến khác --", 1);
    }

    static final int RECEIVED = 1724;

    private FeedbackPlan() {
    }

    /** Every subject repeated by its count, shuffled: the subject of each item in turn. */
    static List<String> shuffledCategories(Dice dice) {
        List<String> all = new ArrayList<>();
        CATEGORIES.forEach((name, count) -> {
            for (int i = 0; i < count; i++) {
                all.add(name);
            }
        });
        if (all.size() != RECEIVED) {
            throw new IllegalStateException("categories cover " + all.size() + " items, not " + RECEIVED);
        }
        dice.shuffle(all);
        return all;
    }

    /** {@code count} ratings 1-5 adding up to {@code sum}, spread out rather than all alike. */
    static List<Integer> ratings(int count, int sum, Dice dice) {
        if (sum < count || sum > 5 * count) {
            throw new IllegalArgumentException("no " + count + " ratings add up to " + sum);
        }
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = sum / count + (i < sum % count ? 1 : 0);
        }
        // Move points between two ratings, keeping the sum: gives a realistic spread of 1s and 5s.
        for (int k = 0; k < 3 * count; k++) {
            int from = dice.between(0, count - 1);
            int to = dice.between(0, count - 1);
            int delta = dice.between(1, 2);
            if (from != to && values[from] - delta >= 1 && values[to] + delta <= 5) {
                values[from] -= delta;
                values[to] += delta;
            }
        }
        List<Integer> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return list;
    }
}
