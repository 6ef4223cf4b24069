package vn.bantin.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where each unit stands, per indicator, among the units of its level: rank 1 is the highest share, tied units
 * share a rank and the next rank skips (1, 2, 2, 4), and a unit without a figure is not ranked. Feedback localities
 * are ranked among the localities by their processed share.
 */
public final class Rankings {

    /** The indicators a unit is ranked on, by their indicators.csv id. */
    public enum Ranked {
        EDOC_RATE("edoc.rate"),
        ONLINE_SERVICE_SHARE("dvc.online_service_share"),
        ONLINE_DOSSIER_SHARE("dvc.online_dossier_share"),
        ON_TIME_SHARE("dvc.on_time_share"),
        PAKN_PROCESSED_SHARE("pakn.processed_share");

        private final String id;

        Ranked(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** {@code position} among the {@code of} units ranked with it ("3/20"). */
    public record Rank(int position, int of) {}

    private final Map<Ranked, Map<String, Rank>> byCode;

    private Rankings(Map<Ranked, Map<String, Rank>> byCode) {
        this.byCode = byCode;
    }

    public static Rankings of(Indicators in) {
        Map<Ranked, Map<String, Rank>> ranks = new EnumMap<>(Ranked.class);
        ranks.put(Ranked.EDOC_RATE, withinLevels(in.edoc().units(), Indicators.UnitRate::unit, r -> r.rate().value()));
        List<Indicators.UnitDvc> dvc = in.dvc().units();
        ranks.put(Ranked.ONLINE_SERVICE_SHARE, withinLevels(dvc, Indicators.UnitDvc::unit, u -> u.serviceShare().value()));
        ranks.put(Ranked.ONLINE_DOSSIER_SHARE, withinLevels(dvc, Indicators.UnitDvc::unit, u -> u.dossierShare().value()));
        ranks.put(Ranked.ON_TIME_SHARE, withinLevels(dvc, Indicators.UnitDvc::unit, u -> u.onTimeShare().value()));
        Map<String, Figure> localities = new LinkedHashMap<>();
        in.pakn().localities().forEach(l -> localities.put(l.unit().code(), l.processedShare().value()));
        ranks.put(Ranked.PAKN_PROCESSED_SHARE, competition(localities));
        return new Rankings(ranks);
    }

    /** The unit's rank on the indicator; empty when it has no figure for it (or is not a locality). */
    public Optional<Rank> rank(Ranked indicator, String unitCode) {
        return Optional.ofNullable(byCode.get(indicator).get(unitCode));
    }

    /** Competition ranking of the rows' figures, each row among the rows of its unit's level; keyed by unit code. */
    public static <T> Map<String, Rank> withinLevels(List<T> rows, Function<T, Unit> unit, Function<T, Figure> figure) {
        Map<Level, Map<String, Figure>> byLevel = new EnumMap<>(Level.class);
        for (T row : rows) {
            Unit u = unit.apply(row);
            byLevel.computeIfAbsent(u.level(), l -> new LinkedHashMap<>()).put(u.code(), figure.apply(row));
        }
        Map<String, Rank> ranks = new HashMap<>();
        byLevel.values().forEach(figures -> ranks.putAll(competition(figures)));
        return ranks;
    }

    /**
     * Competition ranking ("1224") of the figures, highest first: a key's position is one more than the number of
     * keys with a strictly higher value. Keys with no data are left out and not counted in {@code of}.
     */
    public static <K> Map<K, Rank> competition(Map<K, Figure> figures) {
        List<Map.Entry<K, Double>> valued = new ArrayList<>();
        figures.forEach((key, f) -> {
            if (f instanceof Figure.Value v) {
                valued.add(Map.entry(key, v.value()));
            }
        });
        valued.sort(Map.Entry.<K, Double>comparingByValue(Comparator.reverseOrder()));
        Map<K, Rank> ranks = new LinkedHashMap<>();
        int position = 0;
        for (int i = 0; i < valued.size(); i++) {
            if (i == 0 || valued.get(i).getValue().doubleValue() != valued.get(i - 1).getValue().doubleValue()) {
                position = i + 1;
            }
            ranks.put(valued.get(i).getKey(), new Rank(position, valued.size()));
        }
        return ranks;
    }
}
