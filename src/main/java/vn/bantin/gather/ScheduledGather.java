package vn.bantin.gather;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;

/**
 * What {@code serve} does before a scheduled bulletin when exports are pulled from databases or services: one gather
 * per request and period (its batches share it). A gather that fails is reported and the run goes on with the latest
 * complete snapshot, if any; the readiness rules then decide whether the bulletin waits. A request that waits for late
 * exports gathers again when it is tried again.
 */
public final class ScheduledGather {
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    /** Gathers {@code period} unless this request has already (or nothing is pulled); {@code out} gets one line. */
    public void before(Settings settings, String requestId, Period period, Consumer<String> out) {
        if (!Gather.anyRemote(settings) || !done.add(requestId + " " + period.key())) {
            return;
        }
        try {
            Gather.Snapshot s = new Gather(settings, Clock.system(settings.zone()), line -> { }).gather(period);
            out.accept("  gathered " + period.key() + " into " + s.dir());
        } catch (GatherException e) {
            out.accept("  gather of " + period.key() + " failed, so the run reads the latest complete snapshot of the period"
                    + " (or the data folder): " + e.getMessage());
        }
    }

    /** The next attempt of this request gathers again (its exports were late). */
    public void again(String requestId, Period period) {
        done.remove(requestId + " " + period.key());
    }
}
