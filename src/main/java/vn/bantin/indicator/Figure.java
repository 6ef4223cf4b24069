package vn.bantin.indicator;

/** A computed figure: a value, or no data (a zero denominator). Never a magic 0. */
public sealed interface Figure {

    record Value(double value) implements Figure {}

    record NoData() implements Figure {}

    NoData NO_DATA = new NoData();

    static Figure of(double value) {
        return new Value(value);
    }

    /** {@code 100 * numerator / denominator}, no data when the denominator is 0. */
    static Figure percent(long numerator, long denominator) {
        return denominator == 0 ? NO_DATA : new Value(100.0 * numerator / denominator);
    }

    static Figure mean(long sum, long count) {
        return count == 0 ? NO_DATA : new Value((double) sum / count);
    }

    /** Met when there is a value and it is at or above the target; null when either is missing. */
    default Boolean meets(Double target) {
        if (target == null || !(this instanceof Value v)) {
            return null;
        }
        return v.value() >= target;
    }
}
