package vn.bantin.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory: a restart signs everyone out, which is the safe side. The cookie holds a random id
 * only; each session has its own CSRF token. A session unused for {@link #IDLE} ends.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(8);

    /** Who is signed in, and the token every state change of this session must carry. */
    record Session(String id, long userId, String name, Role role, String csrf, Instant lastSeen) {}

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session open(long userId, String name, Role role) {
        Session s = new Session(Secrets.token(), userId, name, role, Secrets.token(), clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastSeen().plus(IDLE).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(s.id(), s.userId(), s.name(), s.role(), s.csrf(), now);
        byId.put(id, seen);
        return Optional.of(seen);
    }

    void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Ends every session of a user (role changed, disabled, new password): the next request signs in again. */
    void closeAllOf(long userId) {
        byId.values().removeIf(s -> s.userId() == userId);
    }
}
