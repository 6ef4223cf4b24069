package vn.bantin.run;

import java.util.Optional;

import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.source.InputSnapshot;

/**
 * The inputs a run of a period reads: the latest complete snapshot gathered for the period when there is one, else
 * the data folder. {@code run} and {@code data check} both choose here, so that they read the same files.
 *
 * @param settings   the settings reading those inputs
 * @param snapshotId {@code <period>/<timestamp>} of the snapshot; null: the data folder
 */
public record RunInputs(Settings settings, String snapshotId) {

    public static RunInputs of(Settings settings, Period period) {
        Optional<InputSnapshot> snapshot = InputSnapshot.latest(settings.inputsDir(), period.key());
        return snapshot.map(s -> new RunInputs(settings.withSourceOptions(s.options(settings.sourceOptions())), s.id()))
                .orElseGet(() -> new RunInputs(settings, null));
    }

    /** Where the exports are read from, for the person at the terminal. */
    public String describe() {
        return snapshotId == null ? settings.dataDir().toString() : "the gathered snapshot " + settings.dataDir();
    }
}
