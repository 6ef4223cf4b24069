package vn.bantin.indicator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.bantin.indicator.Scores766.GroupScore;
import vn.bantin.indicator.Scores766.ItemFigure;
import vn.bantin.indicator.Scores766.ScopeScore;

/**
 * The portal's official scores for the run's period (official-766.csv, spec indicators-766 §8), and their
 * reconciliation with the local scores.
 *
 * @param scores     scope code ({@link Engine766#PROVINCE} for the province, else a unit code) → group → score
 * @param otherRows  valid rows of other periods, not used (the run summary counts them)
 * @param fileFound  whether official-766.csv exists at all ("không có dữ liệu" versus "chưa có điểm chính thức")
 * @param rowsRead   data rows of the file (the run summary counts them, as it does for every export)
 * @param rejectedRows rows left out as rejects (written to rejects.csv)
 */
public record Official766(Map<String, Map<Group766, Score>> scores, long otherRows, boolean fileFound, long rowsRead,
                          long rejectedRows) {

    public Official766(Map<String, Map<Group766, Score>> scores, long otherRows, boolean fileFound) {
        this(scores, otherRows, fileFound, 0, 0);
    }

    /** Rows used for the run's period. */
    public long usedRows() {
        return rowsRead - otherRows - rejectedRows;
    }

    /** One official row: score of {@code max} (the nominal one when the file leaves it empty), rank or null. */
    public record Score(Group766 group, double score, double max, Integer rank) {}

    public static Official766 none(boolean fileFound) {
        return new Official766(Map.of(), 0, fileFound);
    }

    public boolean any() {
        return !scores.isEmpty();
    }

    public Map<Group766, Score> of(String scope) {
        return scores.getOrDefault(scope, Map.of());
    }

    /**
     * One group's difference: the official score, the local value put on the official scale, Δ = official − local,
     * the group's local items that lost points (most first) and the official-only items by number.
     */
    public record Difference(Group766 group, double official, double local, double delta,
                             List<ItemFigure.Counted> lost, List<String> officialOnly) {}

    /**
     * A unit's (or the province's) reconciliation. {@code deduction}: Σ official groups − official tổng when the six
     * groups and the total are given (technical points the portal took off), else null. {@code listed}: some |Δ|
     * exceeds the tolerance.
     */
    public record Reconciliation(String scope, String name, Map<Group766, Difference> differences, Double deduction,
                                 boolean listed) {}

    /** Reconciliation of every scope that has official rows and local figures, province first, then units in order. */
    public List<Reconciliation> reconcile(Scores766 local, double tolerance) {
        List<Reconciliation> out = new ArrayList<>();
        Map<String, ScopeScore> scopes = new LinkedHashMap<>();
        scopes.put(Engine766.PROVINCE, local.province());
        local.units().forEach(u -> scopes.put(u.unit().code(), u.score()));
        Map<String, String> names = new LinkedHashMap<>();
        local.units().forEach(u -> names.put(u.unit().code(), u.unit().name()));
        for (Map.Entry<String, ScopeScore> e : scopes.entrySet()) {
            Map<Group766, Score> official = of(e.getKey());
            if (official.isEmpty()) {
                continue;
            }
            Reconciliation r = reconcile(e.getKey(), names.get(e.getKey()), e.getValue(), official, tolerance);
            if (!r.differences().isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }

    static Reconciliation reconcile(String scope, String name, ScopeScore local, Map<Group766, Score> official,
                                    double tolerance) {
        Map<Group766, Difference> diffs = new EnumMap<>(Group766.class);
        boolean listed = false;
        for (Group766 g : Group766.values()) {
            if (!g.local()) {
                continue;
            }
            Score o = official.get(g);
            GroupScore l = local.group(g);
            if (o == null || !(l.value() instanceof Figure.Value v)) {
                continue;
            }
            double onScale = v.value() * o.max() / 100;
            Difference d = new Difference(g, o.score(), onScale, o.score() - onScale, local.lost(g), Item766.officialOnly(g));
            diffs.put(g, d);
            listed |= Math.abs(d.delta()) > tolerance;
        }
        Double deduction = null;
        Score tong = official.get(Group766.TONG);
        boolean allSix = java.util.Arrays.stream(Group766.values()).filter(g -> g != Group766.TONG).allMatch(official::containsKey);
        if (tong != null && allSix && local.total().hasFigure()) {
            double sumLocal = 0, sumOfficial = 0;
            for (Group766 g : Group766.values()) {
                if (g == Group766.TONG) {
                    continue;
                }
                Score o = official.get(g);
                sumOfficial += o.score();
                GroupScore l = g.local() ? local.group(g) : GroupScore.none(g);
                sumLocal += l.value() instanceof Figure.Value v ? v.value() * o.max() / 100 : o.score();
            }
            Difference d = new Difference(Group766.TONG, tong.score(), sumLocal, tong.score() - sumLocal, List.of(), List.of());
            diffs.put(Group766.TONG, d);
            listed |= Math.abs(d.delta()) > tolerance;
            deduction = sumOfficial - tong.score();
        }
        return new Reconciliation(scope, name, diffs, deduction, listed);
    }
}
