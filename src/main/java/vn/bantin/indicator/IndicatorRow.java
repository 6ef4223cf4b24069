package vn.bantin.indicator;

/**
 * One line of {@code indicators.csv}. Counts and sums are null where the indicator has none
 * (a count itself, or a level mean of unit rates).
 */
public record IndicatorRow(String indicator, Scope scope, String scopeCode, String scopeName,
                           Long numerator, Long denominator, Figure value, Double target, Boolean met) {

    public enum Scope {
        PROVINCE, LEVEL, UNIT, LOCALITY, CATEGORY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
