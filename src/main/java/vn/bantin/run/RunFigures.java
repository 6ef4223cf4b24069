package vn.bantin.run;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import vn.bantin.config.Settings;
import vn.bantin.indicator.Bulletin766;
import vn.bantin.indicator.Figure;
import vn.bantin.indicator.IndicatorEngine;
import vn.bantin.indicator.IndicatorRow;
import vn.bantin.indicator.IndicatorRows;
import vn.bantin.indicator.IndicatorRows766;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Rankings;
import vn.bantin.report.BulletinContext;
import vn.bantin.report.Comparison;
import vn.bantin.report.ProvinceParameters;
import vn.bantin.store.SnapshotRow;
import vn.bantin.store.SnapshotStore;

/**
 * What a run computes from the inputs it read, before rendering: the indicators, the Decision 766 section (null for a
 * pre-766 province), the rows of indicators.csv. Shared by {@code run} and {@code run --reproduce}, so that a bulletin
 * made again carries exactly the figures of the one that was sent.
 */
record RunFigures(IndicatorEngine engine, Indicators indicators, Bulletin766 d766, List<IndicatorRow> rows) {

    static RunFigures of(Settings settings, DataSource db, Gathering.Gathered data, Period period,
                         ProvinceParameters parameters) {
        IndicatorEngine engine = new IndicatorEngine(settings.targets(), settings.method());
        Indicators indicators = engine.compute(data.tree(), data.tally());
        List<IndicatorRow> rows = new ArrayList<>(IndicatorRows.of(indicators, settings.organisation().provinceName(),
                parameters::levelName));
        Bulletin766 d766 = Scoring766Step.compute(settings, data, period);
        if (d766 != null && d766.previous() == null) {
            d766 = d766.withKeptTotals(keptTotals766(db, period.previous()));
        }
        if (d766 != null) {
            rows.addAll(IndicatorRows766.of(d766.scores(), d766.official(), d766.reconciliation(),
                    settings.organisation().provinceName(), parameters::levelName));
        }
        return new RunFigures(engine, indicators, d766, List.copyOf(rows));
    }

    /** The bulletins' context: the data read at {@code readAt} (a reproduction passes the run's start), issued that day. */
    BulletinContext context(Settings settings, Gathering.Gathered data, LocalDateTime readAt) {
        return new BulletinContext(settings.organisation(), readAt.toLocalDate(), readAt,
                BulletinRun.summaries(data.stats()), d766, data.newLevels()).madeIn(settings.zone());
    }

    /** What every unit bulletin is set against: the ranks within each level, the previous period, a year earlier. */
    record ForUnits(Rankings rankings, Comparison previous, Comparison yearAgo) {
    }

    /** A merged unit's comparisons take its predecessors' records (unit-changes.csv), scored for today's units. */
    ForUnits forUnits(BulletinRun comparisons, Gathering.Gathered data, Period period) {
        Period measuredIn = data.changes().changes().isEmpty() ? null : period;
        return new ForUnits(Rankings.of(indicators),
                comparisons.comparison(engine, data.tree(), data.tallies().get(period.previous()), data.stats(), measuredIn),
                comparisons.comparison(engine, data.tree(), data.tallies().get(period.sameLastYear()), data.stats(), measuredIn));
    }

    /** The units' Decision 766 totals of {@code earlier} as the run that made it kept them; empty when none ran. */
    private static Map<String, Double> keptTotals766(DataSource db, Period earlier) {
        Map<String, Double> totals = new HashMap<>();
        for (SnapshotRow r : new SnapshotStore(db).read(earlier.key())) {
            if (r.indicator().equals("766.total") && r.scope() == IndicatorRow.Scope.UNIT && r.value() instanceof Figure.Value v) {
                totals.put(r.scopeCode(), v.value());
            }
        }
        return totals;
    }
}
