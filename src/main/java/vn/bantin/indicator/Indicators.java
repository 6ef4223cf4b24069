package vn.bantin.indicator;

import java.util.List;
import java.util.Map;

/** Every figure of one period. Lists are in units-file order; maps are keyed by level in enum order. */
public record Indicators(Period period, Edoc edoc, Dvc dvc, Pakn pakn) {

    /** A share with the counts behind it. */
    public record Share(long numerator, long denominator, Figure value) {
        public static Share of(long numerator, long denominator) {
            return new Share(numerator, denominator, Figure.percent(numerator, denominator));
        }
    }

    /** A mean with the sum and count behind it. */
    public record Mean(long sum, long count, Figure value) {
        public static Mean of(long sum, long count) {
            return new Mean(sum, count, Figure.mean(sum, count));
        }
    }

    public record UnitRate(Unit unit, Share rate, Double target, Boolean met) {
        /** At 0 with documents to process: called out by name. */
        public boolean atZero() {
            return rate.denominator() > 0 && rate.numerator() == 0;
        }
    }

    public record LevelMean(Level level, Figure mean, int unitsWithFigure, Double target, Boolean met) {}

    public record Edoc(List<UnitRate> units, Map<Level, LevelMean> levels) {}

    public record UnitDvc(Unit unit, Share serviceShare, Share dossierShare, Share onTimeShare, boolean bothMet) {}

    public record Dvc(Share serviceShare, Share dossierShare, Map<Level, Share> dossierShareByLevel, Share onTimeShare,
                      Map<Level, Share> onTimeShareByLevel, List<UnitDvc> units, Targets targets) {}

    public record Locality(Unit unit, long received, Share processedShare, Mean rating) {}

    public record CategoryCount(String category, long count) {}

    /** Rankings name every tied locality; an empty list means no locality qualifies. */
    public record Pakn(long received, long processed, Share processedShare, Mean rating, List<Locality> localities,
                       List<CategoryCount> categories, List<Locality> mostReceived, List<Locality> fewestReceived,
                       List<Locality> highestShare, List<Locality> lowestShare, List<Locality> bestRating) {

        public List<CategoryCount> top(int n) {
            return categories.subList(0, Math.min(n, categories.size()));
        }
    }
}
