package vn.bantin.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import vn.bantin.store.ConsoleSessions;

/**
 * Signed-in sessions, kept in the store, so that any node behind a proxy serves any signed-in user. The cookie holds
 * a random id only, and the store only its SHA-256; each session has its own CSRF token. A session unused for
 * {@link #IDLE} ends. Its last use is written at most once a {@link #TOUCH}, not at every request.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(8);
    static final Duration TOUCH = Duration.ofMinutes(1);

    /** Who is signed in, and the token every state change of this session must carry. */
    record Session(String id, long userId, String name, Role role, String csrf, Instant lastSeen) {}

    private final ConsoleSessions store;
    private final Clock clock;

    Sessions(DataSource db, Clock clock) {
        this.store = new ConsoleSessions(db);
        this.clock = clock;
    }

    Session open(long userId, String name, Role role) {
        Instant now = clock.instant();
        store.closeIdleSince(now.minus(IDLE));
        Session s = new Session(Secrets.token(), userId, name, role, Secrets.token(), now);
        store.open(Secrets.sha256(s.id()), userId, s.csrf(), now);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(id);
        Optional<ConsoleSessions.SessionRow> row = store.find(hash);
        Optional<Role> role = row.flatMap(r -> Role.parse(r.role()));
        if (row.isEmpty() || role.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ConsoleSessions.SessionRow r = row.get();
        if (r.lastSeen().plus(IDLE).isBefore(now)) {
            store.close(hash);
            return Optional.empty();
        }
        if (r.lastSeen().plus(TOUCH).isBefore(now)) {
            store.seen(hash, now);
        }
        return Optional.of(new Session(id, r.userId(), r.name(), role.get(), r.csrf(), now));
    }

    void close(String id) {
        if (id != null) {
            store.close(Secrets.sha256(id));
        }
    }

    /** Ends every session of a user (role changed, disabled, new password): the next request signs in again. */
    void closeAllOf(long userId) {
        store.closeAllOf(userId);
    }
}
