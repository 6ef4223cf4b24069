package vn.bantin.indicator;

/**
 * One line of {@code indicators.csv}. Counts and sums are null where the indicator has none
 * (a count itself, or a level mean of unit rates). Points are null except for Decision 766 rows.
 */
public record IndicatorRow(String indicator, Scope scope, String scopeCode, String scopeName,
                           Long numerator, Long denominator, Figure value, Double target, Boolean met,
                           Double points, Double maxPoints) {

    /** A row without points: every indicator but the Decision 766 ones. */
    public IndicatorRow(String indicator, Scope scope, String scopeCode, String scopeName,
                        Long numerator, Long denominator, Figure value, Double target, Boolean met) {
        this(indicator, scope, scopeCode, scopeName, numerator, denominator, value, target, met, null, null);
    }

    public enum Scope {
        PROVINCE, LEVEL, UNIT, LOCALITY, CATEGORY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
