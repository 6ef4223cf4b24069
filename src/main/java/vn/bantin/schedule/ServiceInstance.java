package vn.bantin.schedule;

import java.time.Duration;
import java.time.Instant;

/** A row of QRTZ_SCHEDULER_STATE: a running service that checks in every {@code interval}. */
public record ServiceInstance(String id, Instant lastCheckin, Duration interval) {

    /** Quartz's own grace before it takes a silent instance for dead (ClusterManager: check-in interval + 7.5 s). */
    public static final Duration GRACE = Duration.ofMillis(7_500);

    /** Whether it checked in recently enough at {@code now} to be taken as running. */
    public boolean alive(Instant now) {
        return !now.isAfter(lastCheckin.plus(interval).plus(GRACE));
    }
}
