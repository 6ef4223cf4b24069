package vn.bantin.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Decision 766 figure of one period (spec indicators-766 §5–§6): per unit (measured units, in units-file order),
 * per level and province-wide, with what the data-quality note needs. A report passes these records to templates.
 *
 * @param absentColumns  the optional columns ({@code file.column}) some item needs and the exports lack
 * @param provisional    the period had not ended on the day the data was read; figures run to {@code evaluatedTo}
 * @param yearsWithoutHolidays years a working-day rule touched that holidays.csv lists nothing for
 */
public record Scores766(Period period, LocalDate evaluatedTo, boolean provisional, Set<String> absentColumns,
                        ScopeScore province, Map<Level, ScopeScore> levels, List<UnitScore> units,
                        long dossiersWithoutDue, long feedbackProcessedWithoutDate, Set<Integer> yearsWithoutHolidays) {

    /**
     * An item's figure at one scope. {@link Absent}: a column it needs is missing ("không có dữ liệu"), never 0.
     * {@link Counted}: its counts; the value is {@link Figure.NoData} when the denominator is 0 ("không phát sinh").
     */
    public sealed interface ItemFigure {
        Item766 item();

        record Absent(Item766 item, List<String> missingColumns) implements ItemFigure {}

        /**
         * @param points    unrounded points; null for an information-only item or no figure
         * @param maxPoints P; null for an information-only item
         * @param target    T, or the config target of an information-only item; null when neither
         */
        record Counted(Item766 item, long numerator, long denominator, Figure value, Double points, Double maxPoints,
                       Double target) implements ItemFigure {

            /** Met when there is a value and R ≥ target; null without either. */
            public Boolean met() {
                return value.meets(target);
            }

            /** Points lost (max − points), 0 when none or not scored. */
            public double lost() {
                return points == null || maxPoints == null ? 0 : maxPoints - points;
            }
        }
    }

    /**
     * A group's or the total's score: {@code value} is the percent of the attainable points; points and maxPoints
     * are null when the scope has no figure (no item of the group has one).
     */
    public record GroupScore(Group766 group, Figure value, Double points, Double maxPoints) {
        public static GroupScore none(Group766 group) {
            return new GroupScore(group, Figure.NO_DATA, null, null);
        }

        public boolean hasFigure() {
            return value instanceof Figure.Value;
        }
    }

    /** One scope's items, the five local groups and the total ({@link Group766#TONG}). */
    public record ScopeScore(String code, String name, Map<Item766, ItemFigure> items, Map<Group766, GroupScore> groups,
                             GroupScore total) {

        public Optional<ItemFigure> item(Item766 item) {
            return Optional.ofNullable(items.get(item));
        }

        public GroupScore group(Group766 group) {
            return group == Group766.TONG ? total : groups.getOrDefault(group, GroupScore.none(group));
        }

        /** Scored items of the group that lost points, most first. */
        public List<ItemFigure.Counted> lost(Group766 group) {
            return items.values().stream()
                    .filter(f -> f instanceof ItemFigure.Counted c && c.item().group() == group && c.lost() > 1e-9)
                    .map(f -> (ItemFigure.Counted) f)
                    .sorted(java.util.Comparator.comparingDouble(ItemFigure.Counted::lost).reversed())
                    .toList();
        }
    }

    /**
     * A unit's score, its rank within its level (null when it has no total) and band (null likewise).
     */
    public record UnitScore(Unit unit, ScopeScore score, Rankings.Rank rank, Scoring766.Band band) {}

    public Optional<UnitScore> unit(String code) {
        return units.stream().filter(u -> u.unit().code().equals(code)).findFirst();
    }
}
