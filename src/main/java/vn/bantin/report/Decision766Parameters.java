package vn.bantin.report;

import static vn.bantin.report.VietnameseFormat.number;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.bantin.indicator.Bulletin766;
import vn.bantin.indicator.Engine766;
import vn.bantin.indicator.Figure;
import vn.bantin.indicator.Group766;
import vn.bantin.indicator.Item766;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Official766;
import vn.bantin.indicator.Scores766;
import vn.bantin.indicator.Scores766.GroupScore;
import vn.bantin.indicator.Scores766.ItemFigure;
import vn.bantin.indicator.Scores766.ScopeScore;
import vn.bantin.indicator.Scores766.UnitScore;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;

/**
 * The Decision 766 parameters of both bulletins (spec indicators-766 §11): the official total with its band and rank
 * beside the local one, the six groups, the units ranked by total with the change since the previous period, the
 * units that lose most points and on which items, the reconciliation and the data note; for a unit, its score, rank
 * and band, and its weakest items with the dossiers behind them. Every word from the labels ({@code d766.*}); points
 * as the spec shows them ({@code 15,82/18}, {@code +4,00}). Without 766 columns every key is null, empty or false, and
 * the 2022 bulletin prints nothing of it.
 */
final class Decision766Parameters {
    /** How many units the "lose most points" list names, and how many weak items a unit's lead names. */
    private static final int LOSERS = 5;
    private static final int WEAK_ITEMS = 3;

    private final Wording words;
    private final ProvinceParameters province;

    Decision766Parameters(Wording words, ProvinceParameters province) {
        this.words = words;
        this.province = province;
    }

    /** {@code twoLevel}: no district in the units (the shape since 07/2025); {@code newLevels}: Decree 42 wording. */
    void shape(Parameters p, UnitTree tree, BulletinContext ctx) {
        p.put("twoLevel", tree.units().stream().noneMatch(u -> u.level() == Level.DISTRICT));
        p.put("newLevels", ctx.newLevels());
    }

    void province(Parameters p, BulletinContext ctx) {
        Bulletin766 b = ctx.decision766();
        p.put("d766Shown", b != null);
        if (b == null) {
            p.put("d766Lead", null);
            p.put("d766Groups", List.of());
            p.put("d766Units", List.of());
            p.put("d766Lost", List.of());
            p.put("d766Reconciliation", null);
            p.put("d766Quality", null);
            p.put("d766Sheet", List.of());
            return;
        }
        Scores766 s = b.scores();
        Map<Group766, Official766.Score> official = b.official().of(Engine766.PROVINCE);
        p.put("d766Lead", lead(s.province(), official, b, null));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Group766 g : Group766.values()) {
            Official766.Score o = official.get(g);
            GroupScore l = g == Group766.CONG_KHAI ? null : s.province().group(g);
            double max = o != null ? o.max() : g.nominal();
            Double local = l != null && l.value() instanceof Figure.Value v ? v.value() * max / 100 : null;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("groupName", g == Group766.TONG ? words.label("d766.group.tong") : g.title());
            row.put("officialText", o == null ? words.label("d766.official.none") : points(o.score(), o.max()));
            row.put("localText", local == null ? words.label(g == Group766.CONG_KHAI ? "d766.officialOnly" : "nodata")
                    : points(local, max));
            row.put("deltaText", o == null || local == null ? null : signed(o.score() - local));
            List<String> only = Item766.officialOnly(g);
            row.put("note", only.isEmpty() ? null : words.format("d766.group.note", String.join(", ", only)));
            row.put("chartLabel", words.label("d766.short." + g.code()));
            row.put("officialPercent", o == null ? null : o.score() * 100 / o.max());
            row.put("localPercent", l != null && l.value() instanceof Figure.Value v ? v.value() : null);
            groups.add(row);
        }
        p.put("d766Groups", groups);
        p.put("d766Units", ranked(b));
        p.put("d766Lost", losers(s));
        p.put("d766Reconciliation", reconciliation(b));
        p.put("d766Quality", quality(s));
        p.put("d766Sheet", new Decision766Sheet(words, province).rows(b));
    }

    /** "Điểm chính thức … 73,59/100, xếp loại Khá, hạng 4; điểm tính tại tỉnh 54,97/74 (quy đổi 74,28/100)." */
    private String lead(ScopeScore local, Map<Group766, Official766.Score> official, Bulletin766 b, UnitScore unit) {
        String localText = total(local.total());
        Official766.Score tong = official.get(Group766.TONG);
        String rank = unit == null || unit.rank() == null ? null
                : words.format("d766.rank", Integer.toString(unit.rank().position()), Integer.toString(unit.rank().of()));
        String band = unit != null && unit.band() != null ? unit.band().title()
                : local.total().value() instanceof Figure.Value v ? b.scoring().band(v.value()).title() : null;
        if (tong == null) {
            return words.format("d766.lead.localOnly", localText, band == null ? words.label("nodata") : band,
                    rank == null ? "" : ", " + rank);
        }
        return words.format("d766.lead", points(tong.score(), tong.max()), b.scoring().band(tong.score() * 100 / tong.max()).title(),
                tong.rank() == null ? "" : words.format(unit == null ? "d766.officialRank.province" : "d766.officialRank.unit",
                        tong.rank().toString()),
                localText, band == null ? words.label("nodata") : band, rank == null ? "" : ", " + rank);
    }

    private List<Map<String, Object>> ranked(Bulletin766 b) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UnitScore u : Decision766Sheet.byLevelAndRank(b.scores().units())) {
            Map<Group766, Official766.Score> official = b.official().of(u.unit().code());
            Official766.Score tong = official.get(Group766.TONG);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("levelName", province.levelName(u.unit().level()));
            row.put("rankText", u.rank() == null ? "—" : Integer.toString(u.rank().position()));
            row.put("unitName", u.unit().name());
            row.put("totalText", u.score().total().value() instanceof Figure.Value v ? two(v.value()) : words.label("nodata"));
            row.put("bandText", u.band() == null ? "—" : u.band().title());
            row.put("changeText", change(u, b.previousTotal(u.unit().code())));
            row.put("officialText", tong == null ? "—" : two(tong.score() * 100 / tong.max())
                    + (tong.rank() == null ? "" : " (" + tong.rank() + ")"));
            rows.add(row);
        }
        return rows;
    }

    private String change(UnitScore now, Optional<Double> before) {
        Double change = Decision766Sheet.change(now, before);
        return change == null ? "—" : signed(change);
    }

    /** The units with the most points lost (attainable max − points), and their three costliest items. */
    private List<Map<String, Object>> losers(Scores766 s) {
        record Loss(UnitScore unit, double lost, List<ItemFigure.Counted> items) {}
        List<Loss> losses = new ArrayList<>();
        for (UnitScore u : s.units()) {
            GroupScore t = u.score().total();
            if (t.points() == null || t.maxPoints() == null) {
                continue;
            }
            losses.add(new Loss(u, t.maxPoints() - t.points(), weakest(u.score())));
        }
        losses.sort(Comparator.comparingDouble(Loss::lost).reversed());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Loss l : losses.subList(0, Math.min(LOSERS, losses.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("unitName", l.unit().unit().name());
            row.put("lostText", two(l.lost()));
            row.put("itemsText", String.join("; ", l.items().stream().map(this::itemText).toList()));
            rows.add(row);
        }
        return rows;
    }

    /** The scored items of a scope that lost points, most first, at most {@link #WEAK_ITEMS}. */
    private static List<ItemFigure.Counted> weakest(ScopeScore s) {
        return s.items().values().stream()
                .filter(f -> f instanceof ItemFigure.Counted c && c.lost() > 1e-9)
                .map(f -> (ItemFigure.Counted) f)
                .sorted(Comparator.comparingDouble(ItemFigure.Counted::lost).reversed())
                .limit(WEAK_ITEMS).toList();
    }

    /** "2.1: 28 trong 140 hồ sơ trễ hạn, mất 4,00 điểm": what is missing, from the counts. */
    String itemText(ItemFigure.Counted c) {
        long missing = c.denominator() - c.numerator();
        return words.format("d766.item." + c.item().id(), c.item().number(), number(missing), number(c.denominator()),
                two(c.lost()));
    }

    private String reconciliation(Bulletin766 b) {
        if (!b.official().any()) {
            return words.label(b.official().fileFound() ? "d766.official.noneForPeriod" : "d766.official.noFile");
        }
        List<String> lines = new ArrayList<>();
        for (Official766.Reconciliation r : b.listed()) {
            List<String> groups = new ArrayList<>();
            for (Official766.Difference d : r.differences().values()) {
                if (Math.abs(d.delta()) <= b.scoring().tolerance() && d.group() != Group766.TONG) {
                    continue;
                }
                String items = d.lost().isEmpty() ? "" : " (" + String.join("; ",
                        d.lost().stream().limit(2).map(this::itemText).toList()) + ")";
                groups.add(words.format("d766.reconciliation.group", d.group() == Group766.TONG
                        ? words.label("d766.group.tong") : d.group().title(), two(d.official()), two(d.local()),
                        signedInText(d.delta())) + items);
            }
            String name = r.scope().equals(Engine766.PROVINCE) ? words.label("scope.province") : r.name();
            lines.add(words.format("d766.reconciliation.scope", name, String.join("; ", groups),
                    r.deduction() == null || r.deduction() < 0.005 ? "" : words.format("d766.deduction", two(r.deduction()))));
        }
        return lines.isEmpty() ? words.format("d766.reconciliation.none", two(b.scoring().tolerance()))
                : words.format("d766.reconciliation", two(b.scoring().tolerance())) + "\n" + String.join("\n", lines);
    }

    private String quality(Scores766 s) {
        List<String> parts = new ArrayList<>();
        if (!s.absentColumns().isEmpty()) {
            parts.add(words.format("d766.quality.absent", String.join(", ", s.absentColumns())));
        }
        if (s.dossiersWithoutDue() > 0) {
            parts.add(words.format("d766.quality.noDue", number(s.dossiersWithoutDue())));
        }
        if (s.feedbackProcessedWithoutDate() > 0) {
            parts.add(words.format("d766.quality.noDate", number(s.feedbackProcessedWithoutDate())));
        }
        if (s.provisional()) {
            parts.add(words.format("d766.quality.provisional", VietnameseFormat.date(s.evaluatedTo())));
        }
        return parts.isEmpty() ? words.label("d766.quality.ok") : String.join(" ", parts);
    }

    /** The unit bulletin's lead and weakest items (also the email's). */
    void unit(Parameters p, Unit unit, UnitTree tree, BulletinContext ctx) {
        Bulletin766 b = ctx.decision766();
        Optional<UnitScore> score = b == null ? Optional.empty() : b.scores().unit(unit.code());
        p.put("d766Shown", score.isPresent());
        if (score.isEmpty()) {
            p.put("d766Lead", null);
            p.put("d766Weak", null);
            p.put("d766Predecessors", null);
            return;
        }
        UnitScore u = score.get();
        Official766.Score tong = b.official().of(unit.code()).get(Group766.TONG);
        String official = tong == null ? words.label("d766.unit.officialNone")
                : words.format("d766.unit.official", points(tong.score(), tong.max()),
                b.scoring().band(tong.score() * 100 / tong.max()).title(),
                tong.rank() == null ? "" : words.format("d766.officialRank.unit", tong.rank().toString()));
        String local = !(u.score().total().value() instanceof Figure.Value v) ? words.label("d766.unit.localNone")
                : words.format("d766.unit.local", two(v.value()), u.band() == null ? "—" : u.band().title(),
                u.rank() == null ? "" : ", " + words.format("d766.rank", Integer.toString(u.rank().position()),
                        Integer.toString(u.rank().of())) + " " + words.label("unit.level." + unit.level().id()));
        p.put("d766Lead", words.format("d766.unit.lead", official, local));
        // two items, so that the unit bulletin stays on one page
        List<ItemFigure.Counted> weak = weakest(u.score()).stream().limit(2).toList();
        p.put("d766Weak", weak.isEmpty() ? words.label("d766.unit.noLoss")
                : words.format("d766.unit.weak", String.join("; ", weak.stream().map(this::itemText).toList())));
        // by name, as units.csv lists the units of before the merger (active_to); the code when it does not
        List<String> before = b.predecessors(unit.code()).stream()
                .map(code -> tree.find(code).map(Unit::name).orElse(code)).toList();
        p.put("d766Predecessors", before.isEmpty() ? null : words.format("d766.unit.predecessors", String.join(", ", before)));
    }

    private String total(GroupScore t) {
        if (!(t.value() instanceof Figure.Value v) || t.points() == null) {
            return words.label("nodata");
        }
        return words.format("d766.localTotal", points(t.points(), t.maxPoints()), two(v.value()));
    }

    /** {@code 15,82/18}: points with two decimals, the maximum whole. */
    static String points(double points, double max) {
        return two(points) + "/" + (max == Math.rint(max) ? Long.toString((long) max) : two(max));
    }

    static String two(double x) {
        return new BigDecimal(Double.toString(x)).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    static String signed(double x) {
        String t = two(x);
        return t.startsWith("-") ? t : "+" + t;
    }

    /**
     * A signed difference inside a sentence, which must not be broken at a line's end. Java's line breaking, which
     * JasperReports uses, takes "-4,82" and "2,26" for numbers but not "+2,26", which it breaks after the comma
     * ("+2," and "26" on the next line); a narrow no-break space after the plus keeps it whole.
     */
    static String signedInText(double x) {
        String t = signed(x);
        return t.startsWith("+") ? "+\u202F" + t.substring(1) : t;
    }
}
