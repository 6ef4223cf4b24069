package vn.bantin.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.bantin.indicator.Bulletin766;
import vn.bantin.indicator.Engine766;
import vn.bantin.indicator.Figure;
import vn.bantin.indicator.Group766;
import vn.bantin.indicator.Item766;
import vn.bantin.indicator.Official766;
import vn.bantin.indicator.Scores766.GroupScore;
import vn.bantin.indicator.Scores766.ItemFigure;
import vn.bantin.indicator.Scores766.ScopeScore;
import vn.bantin.indicator.Scores766.UnitScore;

/**
 * The rows of the workbook's "766" sheet (spec indicators-766 §11): the province, then one row per unit by level and
 * rank, with every item's value and points, the five local groups, the total, rank, band, change since the previous
 * period, the official scores and Δ. Numbers stay numbers (shares as fractions 0–1 for a percent format); where an
 * item has no figure its note says why ("không có dữ liệu" or "không phát sinh"), never 0.
 */
final class Decision766Sheet {
    /** The items that carry points by default (spec §5): the sheet has a points column for each. */
    static final List<Item766> SCORED = java.util.Arrays.stream(Item766.values()).filter(i -> i.defaultPoints() > 0).toList();
    static final List<Group766> LOCAL_GROUPS = java.util.Arrays.stream(Group766.values()).filter(Group766::local).toList();
    static final List<Group766> DELTA_GROUPS = java.util.Arrays.stream(Group766.values())
            .filter(g -> g.local() || g == Group766.TONG).toList();

    private final Wording words;
    private final ProvinceParameters province;

    Decision766Sheet(Wording words, ProvinceParameters province) {
        this.words = words;
        this.province = province;
    }

    /** {@code onTime} for {@link Item766#ON_TIME}, {@code tienDo} for {@link Group766#TIEN_DO}: the field stems. */
    static String key(Enum<?> e) {
        String[] parts = e.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    List<Map<String, Object>> rows(Bulletin766 b) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (b == null) {
            return rows;
        }
        Map<String, Object> whole = row(words.label("scope.province"), "", words.label("scope.province"),
                b.scores().province(), b.official().of(Engine766.PROVINCE), reconciliation(b, Engine766.PROVINCE));
        whole.put("rank", null);
        whole.put("band", band(b, b.scores().province().total()));
        whole.put("change", null);
        rows.add(whole);
        for (UnitScore u : byLevelAndRank(b.scores().units())) {
            Map<String, Object> row = row(province.levelName(u.unit().level()), u.unit().code(), u.unit().name(), u.score(),
                    b.official().of(u.unit().code()), reconciliation(b, u.unit().code()));
            row.put("rank", u.rank() == null ? null : u.rank().position());
            row.put("band", u.band() == null ? null : u.band().title());
            row.put("change", change(u, b.previousTotal(u.unit().code())));
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> row(String level, String code, String name, ScopeScore s,
                                    Map<Group766, Official766.Score> official, Optional<Official766.Reconciliation> r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("levelName", level);
        row.put("unitCode", code);
        row.put("unitName", name);
        for (Item766 i : Item766.values()) {
            ItemFigure f = s.items().get(i);
            String k = key(i);
            Double value = null;
            Double points = null;
            String note = words.label("d766.noColumn");
            if (f instanceof ItemFigure.Counted c) {
                if (c.value() instanceof Figure.Value v) {
                    value = i.mean() ? v.value() : v.value() / 100;
                    points = c.points();
                    note = null;
                } else {
                    note = words.label("d766.noCase");
                }
            }
            row.put(k + "Value", value);
            if (SCORED.contains(i)) {
                row.put(k + "Points", points);
            }
            row.put(k + "Note", note);
        }
        for (Group766 g : LOCAL_GROUPS) {
            row.put(key(g) + "Value", s.group(g).value() instanceof Figure.Value v ? v.value() / 100 : null);
        }
        GroupScore t = s.total();
        row.put("totalPoints", t.points());
        row.put("totalMax", t.maxPoints());
        row.put("totalValue", t.value() instanceof Figure.Value v ? v.value() / 100 : null);
        for (Group766 g : Group766.values()) {
            Official766.Score o = official.get(g);
            row.put("official" + capital(key(g)), o == null ? null : o.score());
        }
        Official766.Score tong = official.get(Group766.TONG);
        row.put("officialRank", tong == null ? null : tong.rank());
        for (Group766 g : DELTA_GROUPS) {
            Official766.Difference d = r.map(x -> x.differences().get(g)).orElse(null);
            row.put("delta" + capital(key(g)), d == null ? null : d.delta());
        }
        return row;
    }

    /** The units by level, then local rank (units without a total last), then name: the order of both tables. */
    static List<UnitScore> byLevelAndRank(List<UnitScore> units) {
        List<UnitScore> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.<UnitScore, vn.bantin.indicator.Level>comparing(u -> u.unit().level())
                .thenComparing(u -> u.rank() == null ? Integer.MAX_VALUE : u.rank().position())
                .thenComparing(u -> u.unit().name()));
        return sorted;
    }

    private static Optional<Official766.Reconciliation> reconciliation(Bulletin766 b, String scope) {
        return b.reconciliation().stream().filter(r -> r.scope().equals(scope)).findFirst();
    }

    private static String band(Bulletin766 b, GroupScore total) {
        return total.value() instanceof Figure.Value v ? b.scoring().band(v.value()).title() : null;
    }

    /** Points on 100 since the previous period; null when either period has no total (never 0 for "none"). */
    static Double change(UnitScore now, Optional<Double> before) {
        if (before.isEmpty() || !(now.score().total().value() instanceof Figure.Value n)) {
            return null;
        }
        return n.value() - before.get();
    }

    /** The row fields, as {@link FieldCatalogue} declares them. */
    static List<TemplateField> fields(TemplateField level, TemplateField code, TemplateField name) {
        List<TemplateField> f = new ArrayList<>(List.of(level, code, name));
        for (Item766 i : Item766.values()) {
            String k = key(i);
            f.add(FieldCatalogue.number(k + "Value", i.mean() ? "item " + i.number() + ": mean working days"
                    : "item " + i.number() + " (" + i.id() + "): its share as a fraction 0–1").orNull("no figure (see the note)"));
            if (SCORED.contains(i)) {
                f.add(FieldCatalogue.number(k + "Points", "item " + i.number() + ": its points, unrounded")
                        .orNull("no figure, or information only"));
            }
            f.add(FieldCatalogue.text(k + "Note", "why item " + i.number() + " has no figure: `không có dữ liệu` (a column"
                    + " is absent) or `không phát sinh` (nothing to count) (labels `d766.noColumn`, `d766.noCase`)")
                    .orNull("the item has a figure"));
        }
        for (Group766 g : LOCAL_GROUPS) {
            f.add(FieldCatalogue.number(key(g) + "Value", "group " + g.code() + ": percent of the attainable points, as a"
                    + " fraction 0–1").orNull("no item of the group has a figure"));
        }
        f.add(FieldCatalogue.number("totalPoints", "local total points, unrounded").orNull("no total"));
        f.add(FieldCatalogue.number("totalMax", "attainable maximum of the local total, e.g. 74").orNull("no total"));
        f.add(FieldCatalogue.number("totalValue", "local total on 100, as a fraction 0–1").orNull("no total"));
        f.add(FieldCatalogue.integer("rank", "rank within the level by local total").orNull("the province row, or no total"));
        f.add(FieldCatalogue.text("band", "band of the local total, e.g. `Tốt`").orNull("no total"));
        f.add(FieldCatalogue.number("change", "change of the local total (on 100) since the previous period, signed")
                .orNull("the province row, or no total in either period"));
        for (Group766 g : Group766.values()) {
            f.add(FieldCatalogue.number("official" + capital(key(g)), "official score of " + g.code() + " (points)")
                    .orNull("no official row"));
        }
        f.add(FieldCatalogue.integer("officialRank", "official rank (national for the province, in the province for a unit)")
                .orNull("not given"));
        for (Group766 g : DELTA_GROUPS) {
            f.add(FieldCatalogue.number("delta" + capital(key(g)), "official − local of " + g.code() + ", in points on the"
                    + " official scale").orNull("either side is missing"));
        }
        return f;
    }
}
