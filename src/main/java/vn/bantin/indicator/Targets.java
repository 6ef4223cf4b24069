package vn.bantin.indicator;

import java.util.Map;

/**
 * Targets in percent. Document targets are per level; a null target means none is set.
 * Defaults are the national ones of Resolution 17/NQ-CP for 2021–2025.
 */
public record Targets(Map<Level, Double> edocRate, Double onlineServiceShare, Double onlineDossierShare,
                      Double onTimeShare, Double paknProcessedShare) {

    public static Targets national() {
        return new Targets(Map.of(Level.PROVINCE, 90.0, Level.DISTRICT, 80.0, Level.COMMUNE, 60.0),
                80.0, 50.0, null, null);
    }

    public Double edocRate(Level level) {
        return edocRate.get(level);
    }
}
