package vn.bantin.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.bantin.indicator.Level;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Tally;
import vn.bantin.indicator.UnitTree;
import vn.bantin.source.CsvSource;
import vn.bantin.source.FileStats;
import vn.bantin.source.RejectSink;
import vn.bantin.source.SourceOptions;
import vn.bantin.source.SourceProgress;

/**
 * Reads every export once, row by row, into the tallies of one or more periods (a bulletin's own, and those it
 * compares with), so that comparing costs no second pass over the files.
 */
public final class Gathering {

    /** {@code tallies} in the order the periods were given; the first is the bulletin's own. */
    public record Gathered(UnitTree tree, Map<Period, Tally> tallies, List<FileStats> stats) {
        public Tally tally() {
            return tallies.values().iterator().next();
        }
    }

    private Gathering() {
    }

    public static Gathered gather(SourceOptions options, Period period, Level localityLevel, RejectSink rejects,
                                  SourceProgress progress) {
        return gather(options, List.of(period), localityLevel, rejects, progress);
    }

    public static Gathered gather(SourceOptions options, List<Period> periods, Level localityLevel, RejectSink rejects,
                                  SourceProgress progress) {
        Map<Period, Tally> tallies = new LinkedHashMap<>();
        periods.forEach(p -> tallies.putIfAbsent(p, new Tally(p)));
        List<Tally> all = new ArrayList<>(tallies.values());
        CsvSource source = new CsvSource(options, rejects, progress);
        UnitTree tree = source.readUnits();
        source.readDocuments(tree, d -> all.forEach(t -> t.add(d)));
        source.readProcedures(tree, p -> all.forEach(t -> t.add(p)));
        source.readDossiers(tree, d -> all.forEach(t -> t.add(d)));
        // The reader has checked that every locality is a unit of the tree.
        source.readFeedback(tree, f -> {
            String locality = tree.rollUp(tree.find(f.locality()).orElseThrow(), localityLevel).code();
            all.forEach(t -> t.add(f, locality));
        });
        return new Gathered(tree, tallies, source.stats());
    }
}
