package vn.bantin.run;

import java.util.List;

import vn.bantin.indicator.Level;
import vn.bantin.indicator.Period;
import vn.bantin.indicator.Tally;
import vn.bantin.indicator.UnitTree;
import vn.bantin.source.CsvSource;
import vn.bantin.source.FileStats;
import vn.bantin.source.RejectSink;
import vn.bantin.source.SourceOptions;
import vn.bantin.source.SourceProgress;

/** Reads every export once, row by row, into a period's tally. */
public final class Gathering {

    public record Gathered(UnitTree tree, Tally tally, List<FileStats> stats) {}

    private Gathering() {
    }

    public static Gathered gather(SourceOptions options, Period period, Level localityLevel, RejectSink rejects,
                                  SourceProgress progress) {
        Tally tally = new Tally(period);
        CsvSource source = new CsvSource(options, rejects, progress);
        UnitTree tree = source.readUnits();
        source.readDocuments(tree, tally::add);
        source.readProcedures(tree, tally::add);
        source.readDossiers(tree, tally::add);
        // The reader has checked that every locality is a unit of the tree.
        source.readFeedback(tree, f -> tally.add(f, tree.rollUp(tree.find(f.locality()).orElseThrow(), localityLevel).code()));
        return new Gathered(tree, tally, source.stats());
    }
}
