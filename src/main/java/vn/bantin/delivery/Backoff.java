package vn.bantin.delivery;

import java.time.Duration;

/**
 * How often and how patiently to try again after a failure that may pass: at most {@code attempts} attempts in
 * all, waiting {@code initialDelay} before the second, {@code factor} times longer before each next one, never
 * longer than {@code maxDelay}.
 */
public record Backoff(int attempts, Duration initialDelay, double factor, Duration maxDelay) {

    /** 4 attempts, waiting 10 s, 30 s and 90 s between them. */
    public static final Backoff DEFAULT = new Backoff(4, Duration.ofSeconds(10), 3, Duration.ofMinutes(5));

    /** Waits; {@link #REAL} sleeps, tests pass one that records the waits (or starts a server) and returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration delay) throws InterruptedException;
    }

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative() || factor < 1) {
            throw new IllegalArgumentException("delays must not be negative and the factor must be at least 1");
        }
    }

    /** Only one attempt: no retry. */
    public static Backoff none() {
        return new Backoff(1, Duration.ZERO, 1, Duration.ZERO);
    }

    /** The wait before attempt {@code attempt} (2 for the first retry). */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        double millis = initialDelay.toMillis() * Math.pow(factor, attempt - 2);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
