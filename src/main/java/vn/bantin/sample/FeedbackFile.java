package vn.bantin.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** feedback.csv: the 1.724 items of citizens' feedback (PAKN) received in 2022. */
final class FeedbackFile {

    static final String[] HEADER = {"id", "received_date", "locality", "handler", "category", "status", "processed_date", "rating"};

    /** Feedback per month: most in the rainy summer (flooding, lighting, noise), least around Tết. */
    private static final double[] MONTHS = {0.80, 0.60, 1.00, 1.10, 1.20, 1.30, 1.25, 1.10, 1.00, 0.95, 0.90, 0.80};
    /** Items still open at the export were mostly received late in the year. */
    private static final double[] OPEN_MONTHS = {0.2, 0.2, 0.3, 0.3, 0.4, 0.5, 0.6, 0.8, 1.2, 2.0, 3.0, 4.0};
    /** Citizens write on weekends too, a little less. */
    private static final double WEEKEND = 0.7;

    /** Share of items whose locality is the district itself rather than one of its communes. */
    private static final double DISTRICT_LOCALITY = 0.15;
    /** Of the open items, the share not yet accepted (the rest are being processed). */
    private static final double NOT_YET_ACCEPTED = 0.35;
    /** Of the items not yet accepted, the share with no handler assigned. */
    private static final double NO_HANDLER = 0.6;
    /** Longest time to process an item, in days. */
    private static final int MAX_PROCESSING_DAYS = 20;

    /** Subjects handled by a provincial department when they go up from the locality. */
    private static final Map<String, String> DEPARTMENT_BY_SUBJECT = Map.ofEntries(
            Map.entry("Rác thải", "STNMT"), Map.entry("Chất thải", "STNMT"), Map.entry("Ô nhiễm môi trường", "STNMT"),
            Map.entry("Đất đai", "STNMT"), Map.entry("Vỉa hè lề đường", "SXD"), Map.entry("Công trình xây dựng", "SXD"),
            Map.entry("Chiếu sáng", "SXD"), Map.entry("Cấp nước, thoát nước", "SXD"), Map.entry("Đỗ xe", "SGTVT"),
            Map.entry("Tai nạn giao thông", "SGTVT"), Map.entry("Lòng đường", "SGTVT"), Map.entry("Ùn tắc", "SGTVT"),
            Map.entry("Hạ tầng giao thông", "SGTVT"), Map.entry("An toàn thực phẩm", "BQLATTP"),
            Map.entry("Y tế", "SYT"), Map.entry("Giáo dục", "SGDDT"), Map.entry("Điện sinh hoạt", "SCT"),
            Map.entry("Chăn nuôi", "SNNPTNT"));

    private record Item(int received, String locality, String handler, String category,
                        FeedbackStatus status, Integer processed, Integer rating) {
    }

    private final Dice dice;
    private final Cells cells;
    private final Year2022.Picker days = new Year2022.Picker(MONTHS, WEEKEND, WEEKEND);
    private final Year2022.Picker openDays = new Year2022.Picker(OPEN_MONTHS, WEEKEND, WEEKEND);

    FeedbackFile(Dice dice) {
        this.dice = dice;
        this.cells = new Cells(dice);
    }

    void write(Path file, List<Unit> units) {
        List<String> categories = FeedbackPlan.shuffledCategories(dice);
        List<Item> items = new ArrayList<>();
        for (FeedbackPlan.District district : FeedbackPlan.DISTRICTS) {
            List<Unit> communes = units.stream().filter(u -> district.code().equals(u.parent())).toList();
            List<Integer> ratings = FeedbackPlan.ratings(district.ratings(), district.ratingSum(), dice);
            for (int i = 0; i < district.received(); i++) {
                String category = categories.get(items.size());
                boolean processed = i < district.processed();
                Integer rating = i < ratings.size() ? ratings.get(i) : null;
                items.add(item(district.code(), communes, category, processed, rating));
            }
        }
        dice.shuffle(items);
        items.sort(Comparator.comparingInt(Item::received));
        try (CsvFile csv = new CsvFile(file, HEADER)) {
            int id = 0;
            for (Item item : items) {
                csv.row("PAKN22-" + Cells.padded(++id, 4), cells.date(item.received()), item.locality(), item.handler(),
                        cells.text(item.category()), cells.status(item.status()),
                        item.processed() == null ? null : cells.date(item.processed()),
                        item.rating() == null ? null : item.rating().toString());
            }
        }
    }

    /** One item; ratings are given only to processed items (the first ones of each district). */
    private Item item(String district, List<Unit> communes, String category, boolean processed, Integer rating) {
        String locality = dice.chance(DISTRICT_LOCALITY) ? district : dice.pick(communes).code();
        if (processed) {
            int received = days.pick(dice);
            int done = Math.min(Year2022.DAYS - 1, received + dice.between(0, MAX_PROCESSING_DAYS));
            return new Item(received, locality, handler(district, locality, category), category,
                    FeedbackStatus.PROCESSED, done, rating);
        }
        int received = openDays.pick(dice);
        if (dice.chance(NOT_YET_ACCEPTED)) {
            String handler = dice.chance(NO_HANDLER) ? null : district;
            return new Item(received, locality, handler, category, FeedbackStatus.NEW, null, null);
        }
        return new Item(received, locality, handler(district, locality, category), category,
                FeedbackStatus.PROCESSING, null, null);
    }

    /** Half handled where they arise, some by the district, some by the department of the subject. */
    private String handler(String district, String locality, String category) {
        double roll = dice.unit();
        if (roll < 0.5) {
            return locality;
        }
        if (roll < 0.8) {
            return district;
        }
        return DEPARTMENT_BY_SUBJECT.getOrDefault(category, district);
    }
}
