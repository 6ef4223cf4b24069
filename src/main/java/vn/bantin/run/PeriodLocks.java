package vn.bantin.run;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One lock per period in this process: the runs of one period (a service's batches, a console's Run now or resend
 * in the same serve) write the same output folder and snapshots, so they take turns; other periods run alongside.
 */
public final class PeriodLocks {
    private static final ConcurrentHashMap<String, Object> LOCKS = new ConcurrentHashMap<>();

    private PeriodLocks() {
    }

    public static Object of(String periodKey) {
        return LOCKS.computeIfAbsent(periodKey, k -> new Object());
    }
}
