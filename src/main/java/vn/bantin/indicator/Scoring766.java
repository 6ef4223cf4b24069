package vn.bantin.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Decision 766 points rule from config (spec indicators-766 §6, §10): each item's points P (0: information only),
 * threshold T (null: linear) and target, the reconciliation tolerance, the bands' lower bounds, and the code that
 * also means the province in official-766.csv.
 *
 * @param bands lower bounds of xuất sắc, tốt, khá, trung bình, highest first
 */
public record Scoring766(Map<Item766, Double> points, Map<Item766, Double> thresholds, Map<Item766, Double> targets,
                         double tolerance, List<Double> bands, String provinceCode) {

    public Scoring766 {
        points = Map.copyOf(points);
        thresholds = Map.copyOf(thresholds);
        targets = Map.copyOf(targets);
        bands = List.copyOf(bands);
        if (bands.size() != 4) {
            throw new IllegalArgumentException("four band bounds are needed, found " + bands.size());
        }
    }

    /** The spec's defaults. */
    public static Scoring766 defaults() {
        Map<Item766, Double> p = new EnumMap<>(Item766.class);
        Map<Item766, Double> t = new EnumMap<>(Item766.class);
        Map<Item766, Double> g = new EnumMap<>(Item766.class);
        for (Item766 i : Item766.values()) {
            p.put(i, i.defaultPoints());
            if (i.defaultThreshold() != null) {
                t.put(i, i.defaultThreshold());
            }
            if (i.defaultTarget() != null) {
                g.put(i, i.defaultTarget());
            }
        }
        return new Scoring766(p, t, g, 2, List.of(90.0, 80.0, 70.0, 50.0), "");
    }

    public double points(Item766 item) {
        return points.getOrDefault(item, 0.0);
    }

    public boolean scored(Item766 item) {
        return !item.mean() && points(item) > 0;
    }

    public Double threshold(Item766 item) {
        return thresholds.get(item);
    }

    public Double target(Item766 item) {
        return targets.get(item);
    }

    /**
     * Points of a share: P when numerator × 100 ≥ T × denominator (exact), else R × P ÷ T; without a threshold
     * R × P ÷ 100. Unrounded. The denominator must be positive.
     */
    public double score(Item766 item, long numerator, long denominator) {
        double p = points(item);
        Double t = threshold(item);
        double r = 100.0 * numerator / denominator;
        if (t == null) {
            return r * p / 100;
        }
        if (BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .compareTo(BigDecimal.valueOf(t).multiply(BigDecimal.valueOf(denominator))) >= 0) {
            return p;
        }
        return r * p / t;
    }

    /** The band of a total value, compared after rounding half-up to 2 decimals (what is displayed). */
    public Band band(double value) {
        double shown = new BigDecimal(Double.toString(value)).setScale(2, RoundingMode.HALF_UP).doubleValue();
        Band[] order = {Band.XUAT_SAC, Band.TOT, Band.KHA, Band.TRUNG_BINH};
        for (int i = 0; i < 4; i++) {
            if (shown >= bands.get(i)) {
                return order[i];
            }
        }
        return Band.YEU;
    }

    /** Xếp loại. */
    public enum Band {
        XUAT_SAC("Xuất sắc"), TOT("Tốt"), KHA("Khá"), TRUNG_BINH("Trung bình"), YEU("Yếu");

        private final String title;

        Band(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
