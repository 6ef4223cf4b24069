package vn.bantin.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.bantin.indicator.Scores766.GroupScore;
import vn.bantin.indicator.Scores766.ItemFigure;
import vn.bantin.indicator.Scores766.ScopeScore;
import vn.bantin.indicator.Scores766.UnitScore;
import vn.bantin.indicator.Tally766.Counts;

/** Turns a period's 766 counts into items, points, groups, totals, ranks and bands (spec indicators-766 §5–§6). */
public final class Engine766 {
    public static final String PROVINCE = "province";

    /** The Decision 766 columns of indicators-766 §2, as {@code file.column}: an export with none of them is pre-766. */
    public static final Set<String> COLUMNS_766 = Set.of("procedures.fee_required", "procedures.full_online_eligible",
            "procedures.citizen_facing", "dossiers.status", "dossiers.supplement_count", "dossiers.paused_days",
            "dossiers.result_required", "dossiers.e_result", "dossiers.digitised", "dossiers.reused",
            "dossiers.personal_store", "dossiers.vneid", "dossiers.synced_national", "dossiers.fee_due",
            "dossiers.paid_online", "dossiers.fully_online", "feedback.due_date", "feedback.likes", "feedback.dislikes",
            "feedback.reraised");

    private final Scoring766 scoring;

    public Engine766(Scoring766 scoring) {
        this.scoring = scoring;
    }

    /**
     * @param present the optional columns the exports have, as {@code file.column} (e.g. {@code dossiers.fee_due});
     *                an item that needs one that is missing has no figure at any scope
     */
    public Scores766 compute(UnitTree tree, Tally766 tally, Set<String> present) {
        return compute(tree, tally, present, tally.period());
    }

    /** As above, for the units measured during {@code measuredIn} (a comparison period scored for today's units). */
    public Scores766 compute(UnitTree tree, Tally766 tally, Set<String> present, Period measuredIn) {
        Period period = tally.period();
        List<Unit> measured = tree.units().stream().filter(u -> u.activeDuring(measuredIn)).toList();
        Set<String> absent = new LinkedHashSet<>();
        for (Item766 item : Item766.values()) {
            item.needs().stream().filter(c -> !present.contains(c)).forEach(absent::add);
        }
        boolean handlers = present.contains("feedback.handler");
        Map<String, Counts> catalogue = new LinkedHashMap<>();
        Counts allProcedures = new Counts();
        for (Tally766.ProcedureState p : tally.procedures()) {
            p.countInto(catalogue.computeIfAbsent(p.unit, k -> new Counts()));
            p.countInto(allProcedures);
        }

        List<ScopeScore> unitScores = new ArrayList<>();
        for (Unit u : measured) {
            Counts records = tally.unit(u.code());
            Counts procedures = catalogue.getOrDefault(u.code(), Counts.NONE);
            Map<Item766, ItemFigure> items = new EnumMap<>(Item766.class);
            for (Item766 item : Item766.values()) {
                List<String> missing = missing(item, present, handlers, false);
                items.put(item, missing.isEmpty()
                        ? counted(item, item.credit() == Item766.Credit.CATALOGUE ? procedures : records)
                        : new ItemFigure.Absent(item, missing));
            }
            unitScores.add(scope(u.code(), u.name(), items));
        }

        Map<String, Rankings.Rank> ranks = rank(measured, unitScores);
        List<UnitScore> units = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            Unit u = measured.get(i);
            ScopeScore s = unitScores.get(i);
            units.add(new UnitScore(u, s, ranks.get(u.code()),
                    s.total().value() instanceof Figure.Value v ? scoring.band(v.value()) : null));
        }

        Map<Level, ScopeScore> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < measured.size(); i++) {
                if (measured.get(i).level() == level) {
                    members.add(i);
                }
            }
            if (!members.isEmpty()) {
                levels.put(level, level(level, members, measured, unitScores, tally, catalogue, present, handlers));
            }
        }

        Map<Item766, ItemFigure> provinceItems = new EnumMap<>(Item766.class);
        for (Item766 item : Item766.values()) {
            List<String> missing = missing(item, present, handlers, true);
            provinceItems.put(item, missing.isEmpty()
                    ? counted(item, item.credit() == Item766.Credit.CATALOGUE ? allProcedures : tally.province())
                    : new ItemFigure.Absent(item, missing));
        }
        ScopeScore province = scope(PROVINCE, null, provinceItems);
        return new Scores766(period, tally.evaluatedTo(), tally.provisional(), Set.copyOf(absent), province, levels,
                List.copyOf(units), tally.dossiersWithoutDue(), tally.feedbackProcessedWithoutDate(),
                tally.workingDays().yearsWithoutEntries());
    }

    /** Columns the item needs that are absent; below the province, feedback items also need the handler column. */
    private static List<String> missing(Item766 item, Set<String> present, boolean handlers, boolean provinceWide) {
        List<String> missing = new ArrayList<>(item.needs().stream().filter(c -> !present.contains(c)).toList());
        if (!provinceWide && item.credit() == Item766.Credit.FEEDBACK && !handlers) {
            missing.add("feedback.handler");
        }
        return List.copyOf(missing);
    }

    private ItemFigure.Counted counted(Item766 item, Counts c) {
        return counted(item, c.numerator(item), c.denominator(item));
    }

    private ItemFigure.Counted counted(Item766 item, long n, long d) {
        if (item.mean()) {
            return new ItemFigure.Counted(item, n, d, Figure.mean(n, d), null, null, null);
        }
        boolean scored = scoring.scored(item);
        Double points = scored && d > 0 ? scoring.score(item, n, d) : null;
        Double target = scored ? scoring.threshold(item) : scoring.target(item);
        return new ItemFigure.Counted(item, n, d, Figure.percent(n, d), points, scored ? scoring.points(item) : null, target);
    }

    /** Groups and total of a unit, or of the province scored as one unit: sums of the points that have a figure. */
    private ScopeScore scope(String code, String name, Map<Item766, ItemFigure> items) {
        Map<Group766, GroupScore> groups = new EnumMap<>(Group766.class);
        double totalPoints = 0, totalMax = 0;
        boolean any = false;
        for (Group766 g : Group766.values()) {
            if (!g.local()) {
                continue;
            }
            double points = 0, max = 0;
            boolean figure = false;
            for (ItemFigure f : items.values()) {
                if (f.item().group() == g && f instanceof ItemFigure.Counted c && c.points() != null) {
                    points += c.points();
                    max += c.maxPoints();
                    figure = true;
                }
            }
            if (figure) {
                groups.put(g, new GroupScore(g, Figure.of(points * 100 / max), points, max));
                totalPoints += points;
                totalMax += max;
                any = true;
            } else {
                groups.put(g, GroupScore.none(g));
            }
        }
        GroupScore total = any ? new GroupScore(Group766.TONG, Figure.of(totalPoints * 100 / totalMax), totalPoints, totalMax)
                : GroupScore.none(Group766.TONG);
        return new ScopeScore(code, name, items, groups, total);
    }

    /** Level scope: shares pooled, item points the mean of the units' points, group values the mean of the units'. */
    private ScopeScore level(Level level, List<Integer> members, List<Unit> measured, List<ScopeScore> unitScores,
                             Tally766 tally, Map<String, Counts> catalogue, Set<String> present, boolean handlers) {
        Map<Item766, ItemFigure> items = new EnumMap<>(Item766.class);
        for (Item766 item : Item766.values()) {
            List<String> missing = missing(item, present, handlers, false);
            if (!missing.isEmpty()) {
                items.put(item, new ItemFigure.Absent(item, missing));
                continue;
            }
            long n = 0, d = 0, scoredUnits = 0;
            double pointSum = 0;
            for (int i : members) {
                String code = measured.get(i).code();
                Counts c = item.credit() == Item766.Credit.CATALOGUE ? catalogue.getOrDefault(code, Counts.NONE) : tally.unit(code);
                n += c.numerator(item);
                d += c.denominator(item);
                if (unitScores.get(i).items().get(item) instanceof ItemFigure.Counted u && u.points() != null) {
                    pointSum += u.points();
                    scoredUnits++;
                }
            }
            ItemFigure.Counted pooled = counted(item, n, d);
            Double points = scoredUnits == 0 ? null : pointSum / scoredUnits;
            items.put(item, new ItemFigure.Counted(item, n, d, pooled.value(), points, pooled.maxPoints(), pooled.target()));
        }
        Map<Group766, GroupScore> groups = new EnumMap<>(Group766.class);
        double nominalTotal = 0;
        for (Group766 g : Group766.values()) {
            if (!g.local()) {
                continue;
            }
            double nominal = nominal(g, items);
            nominalTotal += nominal;
            groups.put(g, meanOf(g, members, unitScores, nominal));
        }
        GroupScore total = meanOf(Group766.TONG, members, unitScores, nominalTotal);
        return new ScopeScore(level.id(), null, items, groups, total);
    }

    /** Σ P over the group's scored items whose columns are present. */
    private double nominal(Group766 g, Map<Item766, ItemFigure> items) {
        double sum = 0;
        for (ItemFigure f : items.values()) {
            if (f.item().group() == g && f instanceof ItemFigure.Counted && scoring.scored(f.item())) {
                sum += scoring.points(f.item());
            }
        }
        return sum;
    }

    private static GroupScore meanOf(Group766 g, List<Integer> members, List<ScopeScore> unitScores, double nominal) {
        double sum = 0;
        int n = 0;
        for (int i : members) {
            if (unitScores.get(i).group(g).value() instanceof Figure.Value v) {
                sum += v.value();
                n++;
            }
        }
        if (n == 0) {
            return GroupScore.none(g);
        }
        double value = sum / n;
        return new GroupScore(g, Figure.of(value), value * nominal / 100, nominal);
    }

    /** Within each level, by total value rounded half-up to 6 decimals; equal values share a rank (1, 2, 2, 4). */
    private static Map<String, Rankings.Rank> rank(List<Unit> measured, List<ScopeScore> scores) {
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            index.add(i);
        }
        return Rankings.withinLevels(index, measured::get, i -> scores.get(i).total().value() instanceof Figure.Value v
                ? Figure.of(new BigDecimal(Double.toString(v.value())).setScale(6, RoundingMode.HALF_UP).doubleValue())
                : Figure.NO_DATA);
    }
}
