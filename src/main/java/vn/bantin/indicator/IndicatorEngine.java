package vn.bantin.indicator;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import vn.bantin.indicator.Indicators.CategoryCount;
import vn.bantin.indicator.Indicators.Locality;
import vn.bantin.indicator.Indicators.Mean;
import vn.bantin.indicator.Indicators.Share;
import vn.bantin.indicator.Indicators.UnitDvc;
import vn.bantin.indicator.Indicators.UnitRate;

/** Turns a period's tally into its figures, as {@code spec/indicators.md} defines them. */
public final class IndicatorEngine {
    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

    private final Targets targets;
    private final Method method;

    public IndicatorEngine(Targets targets, Method method) {
        this.targets = targets;
        this.method = method;
    }

    public Indicators compute(UnitTree tree, Tally tally) {
        return compute(tree, tally, tally.period());
    }

    /**
     * The figures of {@code tally} for the units measured during {@code measuredIn}: a comparison period's figures for
     * the bulletin period's units (a merged unit, credited with its predecessors' records).
     */
    public Indicators compute(UnitTree tree, Tally tally, Period measuredIn) {
        List<Unit> measured = tree.units().stream().filter(u -> u.activeDuring(measuredIn)).toList();
        return new Indicators(tally.period(), edoc(measured, tally), dvc(measured, tally), pakn(tree, tally));
    }

    private Indicators.Edoc edoc(List<Unit> units, Tally tally) {
        List<UnitRate> rates = new ArrayList<>();
        for (Unit u : units) {
            Tally.DocumentCount c = tally.documents(u.code());
            long denominator = method.edocDenominator() == Method.EdocDenominator.INCOMING ? c.incoming : c.outgoing;
            // The published method can exceed 100% (documents issued without one received): capped.
            Figure rate = denominator == 0 ? Figure.NO_DATA : Figure.of(Math.min(100.0, 100.0 * c.qualifying / denominator));
            Double target = targets.edocRate(u.level());
            rates.add(new UnitRate(u, new Share(c.qualifying, denominator, rate), target, rate.meets(target)));
        }
        Map<Level, Indicators.LevelMean> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            double sum = 0;
            int n = 0;
            for (UnitRate r : rates) {
                if (r.unit().level() == level && r.rate().value() instanceof Figure.Value v) {
                    sum += v.value();
                    n++;
                }
            }
            Figure mean = n == 0 ? Figure.NO_DATA : Figure.of(sum / n);
            Double target = targets.edocRate(level);
            levels.put(level, new Indicators.LevelMean(level, mean, n, target, mean.meets(target)));
        }
        return new Indicators.Edoc(List.copyOf(rates), levels);
    }

    private Indicators.Dvc dvc(List<Unit> units, Tally tally) {
        List<UnitDvc> rows = new ArrayList<>();
        long procedures = 0, online = 0;
        Map<Level, long[]> dossierByLevel = new EnumMap<>(Level.class);
        Map<Level, long[]> onTimeByLevel = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            dossierByLevel.put(level, new long[2]);
            onTimeByLevel.put(level, new long[2]);
        }
        for (Unit u : units) {
            Tally.ProcedureCount p = tally.procedures(u.code());
            Tally.DossierCount d = tally.dossiers(u.code());
            procedures += p.total;
            online += p.online;
            add(dossierByLevel.get(u.level()), d.online, d.received);
            add(onTimeByLevel.get(u.level()), d.onTime, d.finishedWithDue);
            Share service = Share.of(p.online, p.total);
            Share dossier = Share.of(d.online, d.received);
            boolean both = Boolean.TRUE.equals(service.value().meets(targets.onlineServiceShare()))
                    && Boolean.TRUE.equals(dossier.value().meets(targets.onlineDossierShare()));
            rows.add(new UnitDvc(u, service, dossier, Share.of(d.onTime, d.finishedWithDue), both));
        }
        return new Indicators.Dvc(Share.of(online, procedures), pooled(dossierByLevel), shares(dossierByLevel),
                pooled(onTimeByLevel), shares(onTimeByLevel), List.copyOf(rows), targets);
    }

    private static void add(long[] acc, long numerator, long denominator) {
        acc[0] += numerator;
        acc[1] += denominator;
    }

    private static Share pooled(Map<Level, long[]> byLevel) {
        long n = 0, d = 0;
        for (long[] acc : byLevel.values()) {
            n += acc[0];
            d += acc[1];
        }
        return Share.of(n, d);
    }

    private static Map<Level, Share> shares(Map<Level, long[]> byLevel) {
        Map<Level, Share> out = new EnumMap<>(Level.class);
        byLevel.forEach((level, acc) -> out.put(level, Share.of(acc[0], acc[1])));
        return out;
    }

    private Indicators.Pakn pakn(UnitTree tree, Tally tally) {
        List<Locality> localities = new ArrayList<>();
        long received = 0, processed = 0, ratingSum = 0, ratingCount = 0;
        for (Unit u : tree.units()) {
            Tally.FeedbackCount c = tally.feedbackByLocality().get(u.code());
            if (c == null) {
                continue;
            }
            received += c.received;
            processed += c.processed;
            ratingSum += c.ratingSum;
            ratingCount += c.ratingCount;
            localities.add(new Locality(u, c.received, Share.of(c.processed, c.received), Mean.of(c.ratingSum, c.ratingCount)));
        }
        List<CategoryCount> categories = tally.categories().entrySet().stream()
                .map(e -> new CategoryCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(CategoryCount::count).reversed()
                        .thenComparing(CategoryCount::category, VIETNAMESE))
                .toList();
        List<Locality> withItems = localities.stream().filter(l -> l.received() > 0).toList();
        List<Locality> rated = localities.stream().filter(l -> l.rating().count() > 0).toList();
        return new Indicators.Pakn(received, processed, Share.of(processed, received), Mean.of(ratingSum, ratingCount),
                List.copyOf(localities), categories,
                extremes(withItems, l -> l.received(), true),
                extremes(withItems, l -> l.received(), false),
                extremes(withItems, l -> value(l.processedShare().value()), true),
                extremes(withItems, l -> value(l.processedShare().value()), false),
                extremes(rated, l -> value(l.rating().value()), true));
    }

    private static double value(Figure f) {
        return f instanceof Figure.Value v ? v.value() : Double.NaN;
    }

    /** Every locality that shares the highest (or lowest) value, in the tree's order. */
    private static List<Locality> extremes(List<Locality> candidates, ToDoubleFunction<Locality> key, boolean highest) {
        double best = highest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (Locality l : candidates) {
            double v = key.applyAsDouble(l);
            best = highest ? Math.max(best, v) : Math.min(best, v);
        }
        double found = best;
        return candidates.stream().filter(l -> key.applyAsDouble(l) == found).toList();
    }
}
