package vn.bantin.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.bantin.indicator.IndicatorRow.Scope;
import vn.bantin.indicator.Scores766.GroupScore;
import vn.bantin.indicator.Scores766.ItemFigure;
import vn.bantin.indicator.Scores766.ScopeScore;
import vn.bantin.indicator.Scores766.UnitScore;

/**
 * The Decision 766 rows of {@code indicators.csv} (spec indicators-766 §9): items, groups, total, rank, official
 * scores and ranks, and differences; each for the province, then the levels, then the units. An item whose columns
 * are absent has no row at all.
 */
public final class IndicatorRows766 {
    private IndicatorRows766() {
    }

    public static List<IndicatorRow> of(Scores766 scores, Official766 official, List<Official766.Reconciliation> reconciled,
                                        String provinceName, Function<Level, String> levelName) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (Item766 item : Item766.values()) {
            addItem(rows, item, Scope.PROVINCE, Engine766.PROVINCE, provinceName, scores.province());
            scores.levels().forEach((level, s) -> addItem(rows, item, Scope.LEVEL, level.id(), levelName.apply(level), s));
            for (UnitScore u : scores.units()) {
                addItem(rows, item, Scope.UNIT, u.unit().code(), u.unit().name(), u.score());
            }
        }
        for (Group766 g : Group766.values()) {
            if (g == Group766.CONG_KHAI) {
                continue;
            }
            String id = g == Group766.TONG ? "766.total" : "766.group." + g.code();
            rows.add(group(id, Scope.PROVINCE, Engine766.PROVINCE, provinceName, scores.province().group(g)));
            scores.levels().forEach((level, s) -> rows.add(group(id, Scope.LEVEL, level.id(), levelName.apply(level), s.group(g))));
            for (UnitScore u : scores.units()) {
                rows.add(group(id, Scope.UNIT, u.unit().code(), u.unit().name(), u.score().group(g)));
            }
        }
        for (UnitScore u : scores.units()) {
            // a unit without a total is not ranked: its row is still written (§9), with the level's count and no value
            long ranked = scores.units().stream().filter(o -> o.rank() != null && o.unit().level() == u.unit().level()).count();
            rows.add(new IndicatorRow("766.rank", Scope.UNIT, u.unit().code(), u.unit().name(), null, ranked,
                    u.rank() == null ? Figure.NO_DATA : Figure.of(u.rank().position()), null, null));
        }
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put(Engine766.PROVINCE, provinceName);
        scores.units().forEach(u -> names.put(u.unit().code(), u.unit().name()));
        for (String suffix : List.of("official.", "official_rank.")) {
            for (Map.Entry<String, String> scope : names.entrySet()) {
                Scope kind = scope.getKey().equals(Engine766.PROVINCE) ? Scope.PROVINCE : Scope.UNIT;
                for (Official766.Score s : official.of(scope.getKey()).values()) {
                    if (suffix.equals("official.")) {
                        rows.add(new IndicatorRow("766.official." + s.group().code(), kind, scope.getKey(), scope.getValue(),
                                null, null, Figure.of(s.score()), null, null, s.score(), s.max()));
                    } else if (s.rank() != null) {
                        rows.add(new IndicatorRow("766.official_rank." + s.group().code(), kind, scope.getKey(),
                                scope.getValue(), null, null, Figure.of(s.rank()), null, null));
                    }
                }
            }
        }
        for (Official766.Reconciliation r : reconciled) {
            Scope kind = r.scope().equals(Engine766.PROVINCE) ? Scope.PROVINCE : Scope.UNIT;
            String name = kind == Scope.PROVINCE ? provinceName : r.name();
            r.differences().values().forEach(d -> rows.add(new IndicatorRow("766.diff." + d.group().code(), kind, r.scope(),
                    name, null, null, Figure.of(d.delta()), null, null)));
        }
        return rows;
    }

    private static void addItem(List<IndicatorRow> rows, Item766 item, Scope scope, String code, String name, ScopeScore s) {
        if (s.items().get(item) instanceof ItemFigure.Counted c) {
            rows.add(new IndicatorRow(item.id(), scope, code, name, c.numerator(), c.denominator(), c.value(), c.target(),
                    c.met(), c.value() instanceof Figure.Value ? c.points() : null,
                    c.value() instanceof Figure.Value ? c.maxPoints() : null));
        }
    }

    private static IndicatorRow group(String id, Scope scope, String code, String name, GroupScore g) {
        return new IndicatorRow(id, scope, code, name, null, null, g.value(), null, null, g.points(), g.maxPoints());
    }
}
