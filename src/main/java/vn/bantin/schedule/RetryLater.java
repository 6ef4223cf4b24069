package vn.bantin.schedule;

import java.time.Duration;

/**
 * Thrown by a launcher whose batch cannot run yet (the exports do not cover the period): the send job schedules
 * itself again after {@code after}, at most {@code maxRetries} times, then fails for good.
 */
public final class RetryLater extends Exception {
    private final Duration after;
    private final int maxRetries;

    public RetryLater(String why, Duration after, int maxRetries) {
        super(why);
        this.after = after;
        this.maxRetries = maxRetries;
    }

    public Duration after() {
        return after;
    }

    public int maxRetries() {
        return maxRetries;
    }
}
