package vn.bantin.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import vn.bantin.store.LoginFailures;

/**
 * Slows guessing: after {@link #FREE} wrong passwords in a row for one user name, or from one address, every sign-in
 * for it is refused (even with the right password) until a wait has passed, 30 s after the tenth, doubling with each
 * further wrong one up to 15 minutes. A right password clears the name's and the address's count. The counts are in
 * the store, so every console node on it counts the same wrong passwords; one not raised for a day is forgotten.
 */
final class LoginThrottle {
    static final int FREE = 10;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final LoginFailures failures;
    private final Clock clock;

    LoginThrottle(DataSource db, Clock clock) {
        this.failures = new LoginFailures(db);
        this.clock = clock;
    }

    /** How long the sign-in for this name or address must still wait (zero: it may try now). */
    Duration wait(String name, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(name, address)) {
            Instant until = failures.find(key, now).map(LoginFailures.Count::waitUntil).orElse(null);
            if (until != null && until.isAfter(now)) {
                Duration d = Duration.between(now, until);
                longest = d.compareTo(longest) > 0 ? d : longest;
            }
        }
        return longest;
    }

    void failed(String name, String address) {
        Instant now = clock.instant();
        for (String key : keys(name, address)) {
            int n = failures.failed(key, now);
            if (n >= FREE) {
                Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(n - FREE, 10));
                failures.waitUntil(key, now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
            }
        }
    }

    void succeeded(String name, String address) {
        Instant now = clock.instant();
        keys(name, address).forEach(k -> failures.clear(k, now));
    }

    private static List<String> keys(String name, String address) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return List.of("user:" + (n.length() > 200 ? n.substring(0, 200) : n), "addr:" + address);
    }
}
