package vn.bantin.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing: after {@link #FREE} wrong passwords in a row for one user name, or from one address, every sign-in
 * for it is refused (even with the right password) until a wait has passed, 30 s after the tenth, doubling with each
 * further wrong one up to 15 minutes. A right password clears the name's and the address's count.
 */
final class LoginThrottle {
    static final int FREE = 10;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private record Count(int failures, Instant until) {}

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the sign-in for this name or address must still wait (zero: it may try now). */
    Duration wait(String name, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(name, address)) {
            Count c = counts.get(key);
            if (c != null && c.until() != null && c.until().isAfter(now)) {
                Duration d = Duration.between(now, c.until());
                longest = d.compareTo(longest) > 0 ? d : longest;
            }
        }
        return longest;
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        for (String key : keys(name, address)) {
            counts.compute(key, (k, c) -> {
                int n = (c == null ? 0 : c.failures()) + 1;
                if (n < FREE) {
                    return new Count(n, null);
                }
                long factor = 1L << Math.min(n - FREE, 10);
                Duration wait = FIRST_WAIT.multipliedBy(factor);
                return new Count(n, now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
            });
        }
    }

    void succeeded(String name, String address) {
        keys(name, address).forEach(counts::remove);
    }

    private static java.util.List<String> keys(String name, String address) {
        return java.util.List.of("user:" + (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT)), "addr:" + address);
    }
}
