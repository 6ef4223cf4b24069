package vn.bantin.report;

import static vn.bantin.report.VietnameseFormat.decimal;
import static vn.bantin.report.VietnameseFormat.number;
import static vn.bantin.report.VietnameseFormat.percent;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import vn.bantin.indicator.Figure;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Indicators.Locality;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Rankings;
import vn.bantin.indicator.Rankings.Rank;
import vn.bantin.indicator.Rankings.Ranked;
import vn.bantin.indicator.Targets;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;

/**
 * Turns one unit's figures into the parameters of its bulletin, each as {@link FieldCatalogue#UNIT} declares it
 * (templates/PARAMETERS.md, "Unit bulletin"): its result, target, rank within its level and change per indicator, a
 * headline for the first lines, and the province's headline figures. Numbers become Vietnamese display strings here;
 * every word comes from the label file.
 */
public final class UnitParameters {

    /** The table's rows in order; the feedback row only for a locality. */
    private static final List<Ranked> UNIT_ROWS = List.of(Ranked.EDOC_RATE, Ranked.ONLINE_SERVICE_SHARE,
            Ranked.ONLINE_DOSSIER_SHARE, Ranked.ON_TIME_SHARE);
    /** Which rank the headline names: the first the unit has, in this order. */
    private static final List<Ranked> HEADLINE_RANK = List.of(Ranked.EDOC_RATE, Ranked.ONLINE_DOSSIER_SHARE,
            Ranked.ONLINE_SERVICE_SHARE, Ranked.ON_TIME_SHARE, Ranked.PAKN_PROCESSED_SHARE);

    private final Wording words;
    private final ProvinceParameters province;
    /** Decree 42 wording ("một phần, toàn trình") for the online-service share: the exports carry 766 columns. */
    private boolean newLevels;

    private UnitParameters(ResourceBundle labels) {
        this.words = new Wording(labels);
        this.province = new ProvinceParameters(labels);
    }

    /**
     * {@code previous} and {@code yearAgo} are null when there is no data for those periods; their changes are then
     * null, as is any change whose figure is missing on either side.
     */
    public static Map<String, Object> build(Unit unit, Indicators now, Indicators previous, Indicators yearAgo,
                                            UnitTree tree, BulletinContext ctx, ResourceBundle labels) {
        return build(unit, now, Comparison.of(previous), Comparison.of(yearAgo), tree, ctx, labels);
    }

    /** As above, with the earlier figures from the data or from snapshots ({@link Comparison}). */
    public static Map<String, Object> build(Unit unit, Indicators now, Comparison previous, Comparison yearAgo,
                                            UnitTree tree, BulletinContext ctx, ResourceBundle labels) {
        return build(unit, now, Rankings.of(now), previous, yearAgo, tree, ctx, labels);
    }

    /** As above, with the ranks of {@code now} worked out once for all the run's units. */
    public static Map<String, Object> build(Unit unit, Indicators now, Rankings rankings, Comparison previous,
                                            Comparison yearAgo, UnitTree tree, BulletinContext ctx, ResourceBundle labels) {
        return new UnitParameters(labels).parameters(unit, now, rankings, previous, yearAgo, tree, ctx);
    }

    private Map<String, Object> parameters(Unit unit, Indicators now, Rankings rankings, Comparison previous,
                                           Comparison yearAgo, UnitTree tree, BulletinContext ctx) {
        Parameters p = new Parameters(FieldCatalogue.UNIT);
        newLevels = ctx.newLevels();
        province.header(p, now.period(), ctx);
        province.dataQuality(p, ctx);
        p.put("unitName", unit.name());
        p.put("unitCode", unit.code());
        p.put("levelName", province.levelName(unit.level()));
        p.put("levelPhrase", words.label("unit.level." + unit.level().id()));
        p.put("parentName", tree.parentOf(unit).map(Unit::name).orElse(null));
        p.put("parentPlace", tree.parentOf(unit).map(u -> words.place(u.name())).orElse(null));
        p.put("previousPeriodLabel", province.periodLabel(previous == null ? now.period().previous() : previous.period()));
        p.put("yearAgoPeriodLabel", province.periodLabel(yearAgo == null ? now.period().sameLastYear() : yearAgo.period()));

        boolean locality = isLocality(unit, now) || (previous != null && previous.isLocality(unit.code()))
                || (yearAgo != null && yearAgo.isLocality(unit.code()));
        List<Ranked> shown = new ArrayList<>(UNIT_ROWS);
        if (locality) {
            shown.add(Ranked.PAKN_PROCESSED_SHARE);
        }
        List<Row> rows = shown.stream().map(r -> row(r, unit, now, previous, yearAgo, rankings)).toList();
        p.put("unitFigures", rows.stream().map(this::figureRow).toList());
        headline(p, unit, now.period(), rows);
        new Decision766Parameters(words, province).unit(p, unit, tree, ctx);
        provinceFigures(p, unit, now);
        localityFigures(p, unit, now, locality);
        return p.values();
    }

    private String levelWording(String key) {
        return newLevels && key.endsWith("dvc.online_service_share") ? key + ".new" : key;
    }

    /** One indicator of the unit: its figures in the three periods, target and rank. */
    private record Row(Ranked indicator, Figure now, Figure previous, Figure yearAgo, Double target, Optional<Rank> rank) {
        Boolean met() {
            return now.meets(target);
        }
    }

    private static Row row(Ranked r, Unit unit, Indicators now, Comparison previous, Comparison yearAgo, Rankings rankings) {
        return new Row(r, figure(now, r, unit.code()), earlier(previous, r, unit), earlier(yearAgo, r, unit),
                target(now.dvc().targets(), r, unit), rankings.rank(r, unit.code()));
    }

    private Map<String, Object> figureRow(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicatorId", r.indicator().id());
        m.put("indicatorName", words.label(levelWording("unit.indicator." + r.indicator().id())));
        m.put("value", value(r.now()));
        m.put("valueText", orNoData(percent(r.now())));
        m.put("target", r.target());
        m.put("targetText", r.target() == null ? null : percent(r.target()));
        m.put("met", r.met());
        m.put("metText", metText(r.met()));
        m.put("rank", r.rank().map(Rank::position).orElse(null));
        m.put("rankOf", r.rank().map(Rank::of).orElse(null));
        m.put("rankText", r.rank().map(this::rankText).orElse(null));
        m.put("previousValue", value(r.previous()));
        m.put("yearAgoValue", value(r.yearAgo()));
        m.put("changePrev", change(r.now(), r.previous()));
        m.put("changePrevText", changeText(change(r.now(), r.previous())));
        m.put("changeYear", change(r.now(), r.yearAgo()));
        m.put("changeYearText", changeText(change(r.now(), r.yearAgo())));
        return m;
    }

    /** "Sở Xây dựng: 2/3 chỉ tiêu đạt; xếp thứ 3/20 cấp tỉnh về xử lý văn bản điện tử." and the targets missed. */
    private void headline(Parameters p, Unit unit, Period period, List<Row> rows) {
        List<Row> judged = rows.stream().filter(r -> r.met() != null).toList();
        List<Row> notMet = judged.stream().filter(r -> !r.met()).toList();
        List<String> parts = new ArrayList<>();
        if (!judged.isEmpty()) {
            parts.add(words.format("unit.headline.met", number(judged.size() - notMet.size()), number(judged.size())));
        }
        for (Ranked r : HEADLINE_RANK) {
            Optional<Rank> rank = rows.stream().filter(row -> row.indicator() == r).findFirst().flatMap(Row::rank);
            if (rank.isPresent()) {
                parts.add(words.format("unit.headline.rank", rankText(rank.get()),
                        r == Ranked.PAKN_PROCESSED_SHARE ? words.label("unit.among.localities") : words.label("unit.level." + unit.level().id()),
                        words.label(levelWording("unit.short." + r.id()))));
                break;
            }
        }
        if (parts.isEmpty()) {
            parts.add(words.format("unit.headline.noData", province.periodLabel(period)));
        }
        p.put("headline", words.format("unit.headline", unit.name(), String.join(words.label("unit.headline.separator"), parts)));
        p.put("targetsJudged", judged.size());
        p.put("targetsMet", judged.size() - notMet.size());
        p.put("notMetText", notMet.isEmpty() ? null : words.format("unit.notMet", String.join(words.label("list.separator"),
                notMet.stream().map(r -> words.format("unit.notMet.item", words.label(levelWording("unit.short." + r.indicator().id())),
                        percent(r.now()), percent(r.target()))).toList())));
    }

    /** The province's headline: the e-document mean of the unit's level, the online-dossier and feedback shares. */
    private void provinceFigures(Parameters p, Unit unit, Indicators now) {
        Indicators.LevelMean mean = now.edoc().levels().get(unit.level());
        p.put("provinceEdocLevelMean", mean == null ? null : percent(mean.mean()));
        p.put("provinceEdocLevelTarget", mean == null || mean.target() == null ? null : percent(mean.target()));
        p.put("provinceEdocLevelMet", mean == null ? null : mean.met());
        Indicators.Dvc dvc = now.dvc();
        p.put("provinceDossierShare", percent(dvc.dossierShare().value()));
        Double dossierTarget = dvc.targets().onlineDossierShare();
        p.put("provinceDossierTarget", dossierTarget == null ? null : percent(dossierTarget));
        p.put("provinceDossierMet", dvc.dossierShare().value().meets(dossierTarget));
        p.put("provincePaknProcessedShare", percent(now.pakn().processedShare().value()));
    }

    /** A locality's feedback this period; a locality with none this period received 0. */
    private void localityFigures(Parameters p, Unit unit, Indicators now, boolean locality) {
        p.put("paknLocality", locality);
        Optional<Locality> l = locality(unit, now);
        p.put("localityReceived", locality ? number(l.map(Locality::received).orElse(0L)) : null);
        p.put("localityProcessed", locality ? number(l.map(x -> x.processedShare().numerator()).orElse(0L)) : null);
        p.put("localityProcessedShare", l.map(x -> percent(x.processedShare().value())).orElse(null));
        p.put("localityRatingMean", l.map(x -> decimal(x.rating().value())).orElse(null));
    }

    private static boolean isLocality(Unit unit, Indicators in) {
        return locality(unit, in).isPresent();
    }

    private static Optional<Locality> locality(Unit unit, Indicators in) {
        return in == null ? Optional.empty()
                : in.pakn().localities().stream().filter(l -> l.unit().code().equals(unit.code())).findFirst();
    }

    /** The unit's figure in a period; no data when there is no such period or the unit is not in it. */
    private static Figure earlier(Comparison c, Ranked r, Unit unit) {
        return c == null ? Figure.NO_DATA : c.figure(r, unit.code());
    }

    static Figure figure(Indicators in, Ranked r, String code) {
        if (in == null) {
            return Figure.NO_DATA;
        }
        Optional<Figure> f = switch (r) {
            case EDOC_RATE -> in.edoc().units().stream().filter(u -> u.unit().code().equals(code)).findFirst()
                    .map(u -> u.rate().value());
            case ONLINE_SERVICE_SHARE -> dvc(in, code).map(u -> u.serviceShare().value());
            case ONLINE_DOSSIER_SHARE -> dvc(in, code).map(u -> u.dossierShare().value());
            case ON_TIME_SHARE -> dvc(in, code).map(u -> u.onTimeShare().value());
            case PAKN_PROCESSED_SHARE -> in.pakn().localities().stream().filter(l -> l.unit().code().equals(code)).findFirst()
                    .map(l -> l.processedShare().value());
        };
        return f.orElse(Figure.NO_DATA);
    }

    private static Optional<Indicators.UnitDvc> dvc(Indicators in, String code) {
        return in.dvc().units().stream().filter(u -> u.unit().code().equals(code)).findFirst();
    }

    private static Double target(Targets t, Ranked r, Unit unit) {
        return switch (r) {
            case EDOC_RATE -> t.edocRate(unit.level());
            case ONLINE_SERVICE_SHARE -> t.onlineServiceShare();
            case ONLINE_DOSSIER_SHARE -> t.onlineDossierShare();
            case ON_TIME_SHARE -> t.onTimeShare();
            case PAKN_PROCESSED_SHARE -> t.paknProcessedShare();
        };
    }

    /** Change in percentage points, unrounded; null when either side has no figure. */
    private static Double change(Figure now, Figure before) {
        return now instanceof Figure.Value n && before instanceof Figure.Value b ? n.value() - b.value() : null;
    }

    /** "+1,25 điểm %", "−0,5 điểm %", or the no-change wording when it rounds to 0; null without a change. */
    private String changeText(Double change) {
        if (change == null) {
            return null;
        }
        String size = decimal(Math.abs(change));
        if (size.equals("0")) {
            return words.label("unit.change.same");
        }
        return words.format(change > 0 ? "unit.change.up" : "unit.change.down", size);
    }

    private String rankText(Rank rank) {
        return words.format("unit.rank", number(rank.position()), number(rank.of()));
    }

    private String metText(Boolean met) {
        return words.label(met == null ? "met.none" : met ? "met.yes" : "met.no");
    }

    private String orNoData(String text) {
        return text == null ? words.label("nodata") : text;
    }

    private static Double value(Figure f) {
        return f instanceof Figure.Value v ? v.value() : null;
    }


}
