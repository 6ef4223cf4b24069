package vn.bantin.run;

import java.nio.file.Path;
import java.time.Duration;

import vn.bantin.source.SourceProgress;
import vn.bantin.store.RenderClaims;

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

    /**
     * Another process renders this period of this bulletin ({@code holder}); the run waits for it, and has waited
     * {@code waited} so far (zero the first time; told again about once a minute).
     */
    default void waitingForRender(RenderClaims.Holder holder, Duration waited) {
    }

    /** Tells nobody. */
    RunListener QUIET = new RunListener() { };
}
