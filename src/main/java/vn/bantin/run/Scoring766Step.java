package vn.bantin.run;

import vn.bantin.config.Settings;
import vn.bantin.indicator.Bulletin766;
import vn.bantin.indicator.Engine766;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Scores766;
import vn.bantin.indicator.Scoring766;
import vn.bantin.indicator.Tally766;

/**
 * The Decision 766 step of a run, shared by run, preview and templates check: the period's scores, the previous
 * period's when it was read and its exports cover it, the official scores and their reconciliation. Null when the
 * exports carry no 766 column (a pre-766 province keeps its 2022-style bulletin).
 */
final class Scoring766Step {
    private Scoring766Step() {
    }

    static Bulletin766 compute(Settings settings, Gathering.Gathered data, Period period) {
        if (!data.has766()) {
            return null;
        }
        Scoring766 scoring = settings.decision766().scoring();
        Engine766 engine = new Engine766(scoring);
        Scores766 scores = engine.compute(data.tree(), data.scores().get(period), data.presentColumns());
        Scores766 previous = null;
        Tally766 before = data.scores().get(period.previous());
        if (before != null && Readiness.covers(data.stats(), before.period())) {
            // Scored for this period's units: a merged unit is credited with its predecessors' records.
            previous = engine.compute(data.tree(), before, data.presentColumns(), period);
        }
        return new Bulletin766(scores, previous, data.official(), data.official().reconcile(scores, scoring.tolerance()),
                scoring, data.changes());
    }
}
