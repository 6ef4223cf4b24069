package vn.bantin.report;

import static vn.bantin.report.VietnameseFormat.decimal;
import static vn.bantin.report.VietnameseFormat.number;
import static vn.bantin.report.VietnameseFormat.percent;

import java.text.Collator;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

import vn.bantin.config.Organisation;
import vn.bantin.indicator.Figure;
import vn.bantin.indicator.Indicators;
import vn.bantin.indicator.Indicators.Locality;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Unit;
import vn.bantin.indicator.UnitTree;

/**
 * Turns a period's figures into the parameters of the province bulletin, each as {@link FieldCatalogue} declares it
 * (templates/PARAMETERS.md prints that). Numbers become Vietnamese display strings here; every word comes from the
 * label file.
 */
public final class ProvinceParameters {
    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
    private static final String[] ROMAN = {"", "I", "II", "III", "IV"};

    private final Wording words;

    public ProvinceParameters(ResourceBundle labels) {
        this.words = new Wording(labels);
    }

    public Map<String, Object> build(Indicators in, UnitTree tree, BulletinContext ctx) {
        Parameters p = new Parameters(FieldCatalogue.PROVINCE);
        header(p, in.period(), ctx);
        Decision766Parameters d766 = new Decision766Parameters(words, this);
        d766.shape(p, tree, ctx);
        // the two-level shape (no district since 07/2025) leaves the district level out of the charts and summary
        boolean twoLevel = tree.units().stream().noneMatch(u -> u.level() == Level.DISTRICT);
        boolean newLevels = ctx.newLevels();
        edoc(p, in.edoc(), tree, twoLevel);
        dvc(p, in.dvc(), twoLevel);
        pakn(p, in.pakn());
        d766.province(p, ctx);
        dataQuality(p, ctx);
        p.put("summaryRows", summaryRows(in, twoLevel, newLevels));
        return p.values();
    }

    public String levelName(Level level) {
        return words.label("level." + level.id());
    }

    public String periodLabel(Period period) {
        return switch (period.kind()) {
            case YEAR -> words.format("period.year", Integer.toString(period.year()));
            case MONTH -> words.format("period.month", String.format("%02d", period.index()), Integer.toString(period.year()));
            case QUARTER -> words.format("period.quarter", ROMAN[period.index()], Integer.toString(period.year()));
            case RANGE -> words.format("period.range", VietnameseFormat.date(period.start()), VietnameseFormat.date(period.end()));
            case REPORTING_MONTH -> words.format("period.reportingMonth", String.format("%02d", period.index()),
                    Integer.toString(period.year()), VietnameseFormat.date(period.start()), VietnameseFormat.date(period.end()));
            case REPORTING_QUARTER -> words.format("period.reportingQuarter", ROMAN[period.index()],
                    Integer.toString(period.year()), VietnameseFormat.date(period.start()), VietnameseFormat.date(period.end()));
            case REPORTING_YEAR -> words.format("period.reportingYear", Integer.toString(period.year()),
                    VietnameseFormat.date(period.start()), VietnameseFormat.date(period.end()));
        };
    }

    /** The header and period keys (orgParent … dataReadAt, signatory…, distribution), shared with the unit bulletin. */
    void header(Parameters p, Period period, BulletinContext ctx) {
        Organisation org = ctx.organisation();
        p.put("orgParent", org.parent());
        p.put("orgName", org.name());
        p.put("docNumber", org.docNumber(ctx.issued().getYear(), period.key(), ctx.docNumber()));
        p.put("docType", org.docType().abbreviation());
        p.put("signatureImage", bytes(org.signatureImage()));
        p.put("sealImage", bytes(org.sealImage()));
        boolean marks = org.signatureImage() != null || org.sealImage() != null;
        p.put("signedBy", marks ? org.name() + ", " + org.parent() : null);
        p.put("signedAt", marks ? signedAt(ctx) : null);
        p.put("place", org.place());
        p.put("provinceName", org.provinceName());
        p.put("issueDay", String.format("%02d", ctx.issued().getDayOfMonth()));
        p.put("issueMonth", String.format("%02d", ctx.issued().getMonthValue()));
        p.put("issueYear", Integer.toString(ctx.issued().getYear()));
        p.put("periodLabel", periodLabel(period));
        p.put("periodStart", VietnameseFormat.date(period.start()));
        p.put("periodEnd", VietnameseFormat.date(period.end()));
        p.put("dataReadAt", ctx.dataReadAt().format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
        p.put("signatoryAuthority", blankToNull(org.signatory().authority()));
        p.put("signatoryTitle", blankToNull(org.signatory().title()));
        p.put("signatoryName", blankToNull(org.signatory().name()));
        p.put("distribution", org.distribution().isEmpty() ? null
                : "- " + String.join(";\n- ", org.distribution())); // Decree 30: items end with ";", the last with "."
    }

    /** An image of the signature block, as the template's image element takes it; null when none is configured. */
    private static byte[] bytes(java.nio.file.Path image) {
        try {
            return image == null ? null : java.nio.file.Files.readAllBytes(image);
        } catch (java.io.IOException e) {
            throw new ReportException(image.toAbsolutePath() + " (org.signature-image or org.seal-image) cannot be read: "
                    + e.getMessage() + "; give a readable PNG file, or leave the key empty to print none", e);
        }
    }

    /** Decree 30's signing time: ISO 8601 in Vietnam's time, "2026-12-01T09:30:00+07:00". */
    private static String signedAt(BulletinContext ctx) {
        java.time.OffsetDateTime made = ctx.made() != null ? ctx.made()
                : ctx.dataReadAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime();
        return made.withOffsetSameInstant(java.time.ZoneOffset.ofHours(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private void edoc(Parameters p, Indicators.Edoc edoc, UnitTree tree, boolean twoLevel) {
        boolean allMet = true;
        for (Level level : Level.values()) {
            Indicators.LevelMean m = edoc.levels().get(level);
            String key = "edoc" + capital(level.id());
            p.put(key + "Mean", percent(m.mean()));
            p.put(key + "Target", target(m.target()));
            p.put(key + "Met", m.met());
            p.put(key + "MetText", metText(m.met()));
            allMet &= m.met() == null || m.met();
        }
        p.put("edocAllLevelsMet", allMet);
        List<Indicators.UnitRate> sorted = byLevelThenName(edoc.units(), Indicators.UnitRate::unit);
        List<String> below = sorted.stream().filter(r -> Boolean.FALSE.equals(r.met())).map(r -> withParent(r.unit(), tree)).toList();
        p.put("edocBelowTargetCount", below.size());
        p.put("edocBelowTargetNames", join(below));
        List<String> zero = sorted.stream().filter(Indicators.UnitRate::atZero).map(r -> withParent(r.unit(), tree)).toList();
        p.put("edocZeroNames", words.tied(zero));

        List<Map<String, Object>> units = new ArrayList<>();
        for (Indicators.UnitRate r : sorted) {
            Map<String, Object> row = unitRow(r.unit());
            row.put("incoming", r.rate().denominator());
            row.put("qualifying", r.rate().numerator());
            row.put("rate", value(r.rate().value()));
            row.put("rateText", orNoData(percent(r.rate().value())));
            row.put("target", r.target());
            row.put("targetText", target(r.target()));
            row.put("met", r.met());
            row.put("metText", metText(r.met()));
            units.add(row);
        }
        p.put("edocUnits", units);
        List<Map<String, Object>> levels = new ArrayList<>();
        edoc.levels().values().stream().filter(m -> !(twoLevel && m.level() == Level.DISTRICT)).forEach(m -> levels.add(map("levelName", levelName(m.level()), "mean", value(m.mean()),
                "target", m.target())));
        p.put("edocLevels", levels);
    }

    private void dvc(Parameters p, Indicators.Dvc dvc, boolean twoLevel) {
        p.put("dvcServiceShare", percent(dvc.serviceShare().value()));
        p.put("dvcServiceTarget", target(dvc.targets().onlineServiceShare()));
        p.put("dvcDossierShare", percent(dvc.dossierShare().value()));
        p.put("dvcDossierTarget", target(dvc.targets().onlineDossierShare()));
        p.put("dvcServiceMetText", metText(dvc.serviceShare().value().meets(dvc.targets().onlineServiceShare())));
        p.put("dvcDossierMetText", metText(dvc.dossierShare().value().meets(dvc.targets().onlineDossierShare())));
        for (Level level : Level.values()) {
            p.put("dvcDossierShare" + capital(level.id()) + "Level", percent(dvc.dossierShareByLevel().get(level).value()));
        }
        p.put("dvcOnTimeShare", percent(dvc.onTimeShare().value()));
        List<Indicators.UnitDvc> sorted = byLevelThenName(dvc.units(), Indicators.UnitDvc::unit);
        List<String> both = dvc.units().stream().filter(Indicators.UnitDvc::bothMet).map(u -> u.unit().name()).toList();
        p.put("dvcBothCount", String.format("%02d", both.size()));
        p.put("dvcBothNames", join(both));
        List<Map<String, Object>> units = new ArrayList<>();
        for (Indicators.UnitDvc u : sorted) {
            Map<String, Object> row = unitRow(u.unit());
            row.put("procedures", u.serviceShare().denominator());
            row.put("onlineProcedures", u.serviceShare().numerator());
            row.put("serviceShare", value(u.serviceShare().value()));
            row.put("serviceShareText", orNoData(percent(u.serviceShare().value())));
            row.put("dossiers", u.dossierShare().denominator());
            row.put("onlineDossiers", u.dossierShare().numerator());
            row.put("dossierShare", value(u.dossierShare().value()));
            row.put("dossierShareText", orNoData(percent(u.dossierShare().value())));
            row.put("onTimeShare", value(u.onTimeShare().value()));
            row.put("onTimeShareText", orNoData(percent(u.onTimeShare().value())));
            row.put("bothMet", u.bothMet());
            row.put("bothMetText", metText(u.bothMet()));
            units.add(row);
        }
        p.put("dvcUnits", units);
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            if (twoLevel && level == Level.DISTRICT) {
                continue;
            }
            levels.add(map("levelName", levelName(level), "dossierShare", value(dvc.dossierShareByLevel().get(level).value()),
                    "onTimeShare", value(dvc.onTimeShareByLevel().get(level).value())));
        }
        p.put("dvcLevels", levels);
    }

    private void pakn(Parameters p, Indicators.Pakn pakn) {
        p.put("paknReceived", number(pakn.received()));
        p.put("paknProcessed", number(pakn.processed()));
        p.put("paknProcessedShare", percent(pakn.processedShare().value()));
        ranking(p, "paknMost", "Count", pakn.mostReceived(), l -> number(l.received()));
        ranking(p, "paknFewest", "Count", pakn.fewestReceived(), l -> number(l.received()));
        ranking(p, "paknHighestRate", "", pakn.highestShare(), l -> percent(l.processedShare().value()));
        ranking(p, "paknLowestRate", "", pakn.lowestShare(), l -> percent(l.processedShare().value()));
        ranking(p, "paknBestRating", "", pakn.bestRating(), l -> decimal(l.rating().value()));
        List<Indicators.CategoryCount> top = topConcerns(pakn);
        List<String> topNames = top.stream().map(Indicators.CategoryCount::category).toList();
        // "Cấp nước, thoát nước" is one subject: with a comma inside a name, the names are separated by "; "
        String between = words.label(topNames.stream().anyMatch(n -> n.contains(",")) ? "list.separator" : "list.tieSeparator");
        p.put("paknTopCategories", top.isEmpty() ? null : String.join(between, topNames));
        p.put("paknRatingMean", decimal(pakn.rating().value()));
        List<Map<String, Object>> localities = new ArrayList<>();
        for (Locality l : pakn.localities()) {
            localities.add(map("localityName", words.place(l.unit().name()), "received", l.received(),
                    "processed", l.processedShare().numerator(), "processedShare", value(l.processedShare().value()),
                    "processedShareText", orNoData(percent(l.processedShare().value())),
                    "ratingMean", value(l.rating().value()), "ratingMeanText", orNoData(decimal(l.rating().value()))));
        }
        p.put("paknLocalities", localities);
        List<Map<String, Object>> categories = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            categories.add(map("rank", i + 1, "category", top.get(i).category(), "count", top.get(i).count()));
        }
        p.put("paknCategories", categories);
    }

    /** Names joined as ties ({@code a, b}); the value of the first, as all tied share it. */
    private void ranking(Parameters p, String key, String valueSuffix, List<Locality> tied, Function<Locality, String> value) {
        p.put(key + "Names", words.tied(tied.stream().map(l -> words.place(l.unit().name())).toList()));
        p.put(key + valueSuffix, tied.isEmpty() ? null : value.apply(tied.get(0)));
    }

    /**
     * The ten most frequent subjects that say what the concern is: a catch-all such as "Khác" (label
     * {@code pakn.topics.exclude}) is counted in the tables but is not a concern to name.
     */
    private List<Indicators.CategoryCount> topConcerns(Indicators.Pakn pakn) {
        List<String> excluded = words.items("pakn.topics.exclude");
        return pakn.top(Integer.MAX_VALUE).stream()
                .filter(c -> excluded.stream().noneMatch(x -> x.equalsIgnoreCase(c.category().strip())))
                .limit(10).toList();
    }

    /** dataQuality and rejectedTotal, shared with the unit bulletin. */
    void dataQuality(Parameters p, BulletinContext ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long rejected = 0;
        for (SourceSummary s : ctx.sources()) {
            rows.add(map("source", s.file(), "system", words.label("source." + s.source() + ".system"),
                    "rowsRead", s.rowsRead(), "rowsCounted", s.rowsCounted(), "rowsRejected", s.rowsRejected(), "statusText", words.label(s.rowsRejected() == 0 ? "quality.ok" : "quality.rejects")));
            rejected += s.rowsRejected();
        }
        p.put("dataQuality", rows);
        p.put("rejectedTotal", rejected);
    }

    private List<Map<String, Object>> summaryRows(Indicators in, boolean twoLevel, boolean newLevels) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String edoc = words.label("group.edoc"), dvc = words.label("group.dvc"), pakn = words.label("group.pakn");
        String province = words.label("scope.province");
        for (Indicators.LevelMean m : in.edoc().levels().values()) {
            if (twoLevel && m.level() == Level.DISTRICT) {
                continue;
            }
            rows.add(summary(edoc, words.label("indicator.edoc.rate"), levelName(m.level()), m.mean(), true, m.target(), m.met()));
        }
        Indicators.Dvc d = in.dvc();
        rows.add(summary(dvc, words.label(newLevels ? "indicator.dvc.online_service_share.new" : "indicator.dvc.online_service_share"), province, d.serviceShare().value(), true,
                d.targets().onlineServiceShare(), d.serviceShare().value().meets(d.targets().onlineServiceShare())));
        rows.add(summary(dvc, words.label("indicator.dvc.online_dossier_share"), province, d.dossierShare().value(), true,
                d.targets().onlineDossierShare(), d.dossierShare().value().meets(d.targets().onlineDossierShare())));
        for (Level level : Level.values()) {
            if (twoLevel && level == Level.DISTRICT) {
                continue;
            }
            Figure f = d.dossierShareByLevel().get(level).value();
            rows.add(summary(dvc, words.label("indicator.dvc.online_dossier_share"), levelName(level), f, true,
                    d.targets().onlineDossierShare(), f.meets(d.targets().onlineDossierShare())));
        }
        rows.add(summary(dvc, words.label("indicator.dvc.on_time_share"), province, d.onTimeShare().value(), true,
                d.targets().onTimeShare(), d.onTimeShare().value().meets(d.targets().onTimeShare())));
        Indicators.Pakn k = in.pakn();
        rows.add(summary(pakn, words.label("indicator.pakn.received"), province, Figure.of(k.received()), false, null, null));
        rows.add(summary(pakn, words.label("indicator.pakn.processed"), province, Figure.of(k.processed()), false, null, null));
        rows.add(summary(pakn, words.label("indicator.pakn.processed_share"), province, k.processedShare().value(), true, null, null));
        rows.add(summary(pakn, words.label("indicator.pakn.rating_mean"), province, k.rating().value(), false, null, null));
        return rows;
    }

    private Map<String, Object> summary(String group, String indicator, String scope, Figure value, boolean isPercent,
                                        Double target, Boolean met) {
        Double v = value(value);
        return map("groupName", group, "indicatorName", indicator, "scopeName", scope,
                "value", v == null ? null : isPercent ? v / 100 : v, "isPercent", isPercent,
                "target", target == null ? null : target / 100, "metText", metText(met));
    }

    private Map<String, Object> unitRow(Unit u) {
        return map("levelName", levelName(u.level()), "unitCode", u.code(), "unitName", u.name());
    }

    private <T> List<T> byLevelThenName(List<T> rows, Function<T, Unit> unit) {
        return rows.stream().sorted(Comparator.<T, Level>comparing(r -> unit.apply(r).level())
                .thenComparing(r -> unit.apply(r).name(), VIETNAMESE)).toList();
    }

    private String withParent(Unit u, UnitTree tree) {
        return tree.parentOf(u).map(parent -> words.format("edoc.zeroUnit", u.name(), words.place(parent.name()))).orElse(u.name());
    }

    private String join(List<String> names) {
        return names.isEmpty() ? null : String.join(words.label("list.separator"), names);
    }

    private String metText(Boolean met) {
        return words.label(met == null ? "met.none" : met ? "met.yes" : "met.no");
    }

    private String orNoData(String text) {
        return text == null ? words.label("nodata") : text;
    }

    private static String target(Double t) {
        return t == null ? null : percent(t);
    }

    private static Double value(Figure f) {
        return f instanceof Figure.Value v ? v.value() : null;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }



    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
