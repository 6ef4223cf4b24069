package vn.bantin.indicator;

import java.util.List;

/**
 * Everything Decision 766 gives one bulletin run, for the report layer: the period's scores, the previous period's
 * (null when its exports do not cover it; for "change since the previous period"), the official scores, the
 * reconciliation of every scope with official rows, the tolerance, and the unit changes behind a merged unit's
 * comparisons.
 */
public record Bulletin766(Scores766 scores, Scores766 previous, Official766 official,
                          List<Official766.Reconciliation> reconciliation, Scoring766 scoring, UnitChanges changes) {

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
