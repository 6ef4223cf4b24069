package vn.bantin.indicator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.bantin.indicator.Indicators.Share;

/** A period's figures written by hand, for tests of what is built on them (no reading, no tally). */
public final class PlainIndicators {

    private PlainIndicators() {
    }

    public static Unit unit(String code, String name, Level level, String parent) {
        return new Unit(code, name, level, parent, null, null);
    }

    /** The unit's e-document rate, judged against the national target of its level. */
    public static Indicators.UnitRate edoc(Unit u, long qualifying, long incoming) {
        Share rate = Share.of(qualifying, incoming);
        Double target = Targets.national().edocRate(u.level());
        return new Indicators.UnitRate(u, rate, target, rate.value().meets(target));
    }

    public static Indicators.UnitDvc dvc(Unit u, long onlineProcedures, long procedures, long onlineDossiers, long dossiers,
                                         long onTime, long finished) {
        Share service = Share.of(onlineProcedures, procedures);
        Share dossier = Share.of(onlineDossiers, dossiers);
        Targets t = Targets.national();
        boolean both = Boolean.TRUE.equals(service.value().meets(t.onlineServiceShare()))
                && Boolean.TRUE.equals(dossier.value().meets(t.onlineDossierShare()));
        return new Indicators.UnitDvc(u, service, dossier, Share.of(onTime, finished), both);
    }

    public static Indicators.Locality locality(Unit u, long received, long processed, long ratingSum, long ratings) {
        return new Indicators.Locality(u, received, Share.of(processed, received), Indicators.Mean.of(ratingSum, ratings));
    }

    /**
     * Figures of {@code period} with the given unit rows and localities, national targets, level means of the
     * e-document rates and pooled dossier shares as the engine would compute them, and province feedback totals
     * summed from the localities.
     */
    public static Indicators of(Period period, List<Indicators.UnitRate> edoc, List<Indicators.UnitDvc> dvc,
                                List<Indicators.Locality> localities) {
        Targets targets = Targets.national();
        Map<Level, Indicators.LevelMean> levels = new EnumMap<>(Level.class);
        Map<Level, Share> dossierByLevel = new EnumMap<>(Level.class);
        Map<Level, Share> onTimeByLevel = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            List<Double> rates = edoc.stream().filter(r -> r.unit().level() == level)
                    .map(r -> r.rate().value()).filter(f -> f instanceof Figure.Value)
                    .map(f -> ((Figure.Value) f).value()).toList();
            Figure mean = rates.isEmpty() ? Figure.NO_DATA
                    : Figure.of(rates.stream().mapToDouble(Double::doubleValue).sum() / rates.size());
            levels.put(level, new Indicators.LevelMean(level, mean, rates.size(), targets.edocRate(level),
                    mean.meets(targets.edocRate(level))));
            List<Indicators.UnitDvc> atLevel = dvc.stream().filter(u -> u.unit().level() == level).toList();
            dossierByLevel.put(level, pooled(atLevel.stream().map(Indicators.UnitDvc::dossierShare).toList()));
            onTimeByLevel.put(level, pooled(atLevel.stream().map(Indicators.UnitDvc::onTimeShare).toList()));
        }
        Indicators.Dvc d = new Indicators.Dvc(pooled(dvc.stream().map(Indicators.UnitDvc::serviceShare).toList()),
                pooled(dossierByLevel.values().stream().toList()), dossierByLevel,
                pooled(onTimeByLevel.values().stream().toList()), onTimeByLevel, List.copyOf(dvc), targets);
        long received = localities.stream().mapToLong(Indicators.Locality::received).sum();
        long processed = localities.stream().mapToLong(l -> l.processedShare().numerator()).sum();
        long ratingSum = localities.stream().mapToLong(l -> l.rating().sum()).sum();
        long ratings = localities.stream().mapToLong(l -> l.rating().count()).sum();
        Indicators.Pakn pakn = new Indicators.Pakn(received, processed, Share.of(processed, received),
                Indicators.Mean.of(ratingSum, ratings), List.copyOf(localities), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        return new Indicators(period, new Indicators.Edoc(List.copyOf(edoc), levels), d, pakn);
    }

    private static Share pooled(List<Share> shares) {
        return Share.of(shares.stream().mapToLong(Share::numerator).sum(), shares.stream().mapToLong(Share::denominator).sum());
    }
}
