package vn.bantin.store;

import vn.bantin.indicator.Figure;
import vn.bantin.indicator.IndicatorRow;

/**
 * One figure of a period as stored: an indicator for one scope (province, level, unit, locality or category, by
 * its code), with its numerator and denominator where it has them, and its value or "no data".
 */
public record SnapshotRow(String indicator, IndicatorRow.Scope scope, String scopeCode, Long numerator, Long denominator,
                          Figure value) {

    public static SnapshotRow of(IndicatorRow row) {
        return new SnapshotRow(row.indicator(), row.scope(), row.scopeCode(), row.numerator(), row.denominator(), row.value());
    }
}
