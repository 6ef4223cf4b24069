package vn.bantin.indicator;

import java.util.List;

/**
 * Everything Decision 766 gives one bulletin run, for the report layer: the period's scores, the previous period's
 * (null when its exports do not cover it; for "change since the previous period"), the official scores, the
 * reconciliation of every scope with official rows, the tolerance, and the unit changes behind a merged unit's
 * comparisons.
 */
public record Bulletin766(Scores766 scores, Scores766 previous, Official766 official,
                          List<Official766.Reconciliation> reconciliation, Scoring766 scoring, UnitChanges changes,
                          java.util.Map<String, Double> keptTotals) {

    public Bulletin766(Scores766 scores, Scores766 previous, Official766 official,
                       List<Official766.Reconciliation> reconciliation, Scoring766 scoring, UnitChanges changes) {
        this(scores, previous, official, reconciliation, scoring, changes, java.util.Map.of());
    }

    /**
     * The same, with the previous period's totals per unit as the run that made that period kept them, for when the
     * exports do not cover it (a monthly export, or a province bulletin that reads only its own period).
     */
    public Bulletin766 withKeptTotals(java.util.Map<String, Double> totals) {
        return new Bulletin766(scores, previous, official, reconciliation, scoring, changes, java.util.Map.copyOf(totals));
    }

    /**
     * The unit's local total (on 100) in the previous period: computed from the exports when they cover it, else as
     * kept; empty when the unit had none (the bulletin shows none, never 0).
     */
    public java.util.Optional<Double> previousTotal(String unit) {
        if (previous != null) {
            return previous.unit(unit).map(u -> u.score().total().value())
                    .filter(v -> v instanceof Figure.Value).map(v -> ((Figure.Value) v).value());
        }
        return java.util.Optional.ofNullable(keptTotals.get(unit));
    }

    /** The scopes the bulletin lists: some |Δ| above the tolerance. */
    public List<Official766.Reconciliation> listed() {
        return reconciliation.stream().filter(Official766.Reconciliation::listed).toList();
    }

    /** The units whose records a merged unit's comparisons take ("số liệu năm trước gộp từ: …"); empty when none. */
    public List<String> predecessors(String unit) {
        return changes.predecessors(unit, scores.period().end());
    }

    /** The unit's rank and total in the previous period, when it has one there. */
    public java.util.Optional<Scores766.UnitScore> previous(String unit) {
        return previous == null ? java.util.Optional.empty() : previous.unit(unit);
    }
}
