package vn.bantin.report;

import java.util.Map;
import java.util.Set;

import vn.bantin.indicator.Figure;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Rankings.Ranked;

/**
 * The figures a unit bulletin compares with: an earlier period's, computed from this run's data, or, when the
 * exports hold only the current period (a monthly export), kept as snapshots by the run that made that period.
 */
public interface Comparison {

    Period period();

    /** The unit's figure for the indicator; no data when the unit had none. */
    Figure figure(Ranked indicator, String unitCode);

    /** Whether the unit was a feedback locality in that period. */
    boolean isLocality(String unitCode);

    /** Computed from the data; null stays null (nothing to compare with). */
    static Comparison of(Indicators in) {
        return in == null ? null : new Comparison() {
            @Override
            public Period period() {
                return in.period();
            }

            @Override
            public Figure figure(Ranked indicator, String unitCode) {
                return UnitParameters.figure(in, indicator, unitCode);
            }

            @Override
            public boolean isLocality(String unitCode) {
                return in.pakn().localities().stream().anyMatch(l -> l.unit().code().equals(unitCode));
            }
        };
    }

    /**
     * From stored snapshots: {@code figures} maps {@code indicator id + "|" + scope code} of unit and locality rows to
     * their value (rows without a figure left out); {@code localities} are the codes of the locality rows.
     */
    static Comparison of(Period period, Map<String, Double> figures, Set<String> localities) {
        return new Comparison() {
            @Override
            public Period period() {
                return period;
            }

            @Override
            public Figure figure(Ranked indicator, String unitCode) {
                Double v = figures.get(indicator.id() + "|" + unitCode);
                return v == null ? Figure.NO_DATA : Figure.of(v);
            }

            @Override
            public boolean isLocality(String unitCode) {
                return localities.contains(unitCode);
            }
        };
    }
}
