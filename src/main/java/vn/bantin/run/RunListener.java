package vn.bantin.run;

import java.nio.file.Path;

import vn.bantin.source.SourceProgress;

/** Told of a run's progress, so that a person watching sees it move; each method may be left out. */
public interface RunListener extends SourceProgress {

    @Override
    default void rows(String file, long rowsRead, long rowsRejected, boolean done) {
    }

    default void rendered(Path file) {
    }

    default void delivered(String recipient, String where) {
    }

    /** A bulletin (the province's, {@code unit} null, or one unit's) was not made: its template is broken. */
    default void notMade(String bulletin, String unit, String problem) {
    }

    /** Tells nobody. */
    RunListener QUIET = new RunListener() { };
}
