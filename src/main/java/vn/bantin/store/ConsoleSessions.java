package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The console's signed-in sessions (table {@code console_session}), shared by every node on the store. A session is
 * found by the SHA-256 of its cookie, never by the cookie itself; its user's name and role are read with it, so that a
 * changed role holds at once on every node.
 */
public final class ConsoleSessions {
    private final DataSource db;

    public ConsoleSessions(DataSource db) {
        this.db = db;
    }

    /** A session as the store has it, with its user as they are now. */
    public record SessionRow(long userId, String name, String role, String csrf, Instant lastSeen) {}

    public void open(String idHash, long userId, String csrf, Instant now) {
        exec("INSERT INTO console_session (id_hash, user_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
                idHash, userId, csrf, now, now);
    }

    /** The session of a cookie whose SHA-256 is {@code idHash}, if its user may still sign in. */
    public Optional<SessionRow> find(String idHash) {
        String sql = "SELECT s.user_id, u.name, u.role, s.csrf, s.last_seen FROM console_session s JOIN console_user u"
                + " ON u.id = s.user_id WHERE s.id_hash = ? AND u.disabled = FALSE";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, idHash);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new SessionRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        Jdbc.getInstant(r, "last_seen"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("The store could not read the console's sessions: " + Database.reason(e) + ".", e);
        }
    }

    public void seen(String idHash, Instant now) {
        exec("UPDATE console_session SET last_seen = ? WHERE id_hash = ?", now, idHash);
    }

    public void close(String idHash) {
        exec("DELETE FROM console_session WHERE id_hash = ?", idHash);
    }

    public void closeAllOf(long userId) {
        exec("DELETE FROM console_session WHERE user_id = ?", userId);
    }

    /** Ends the sessions not used since {@code before}. */
    public void closeIdleSince(Instant before) {
        exec("DELETE FROM console_session WHERE last_seen < ?", before);
    }

    private void exec(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant t) {
                    Jdbc.setInstant(s, i + 1, t);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("The store could not keep the console's sessions: " + Database.reason(e) + ".", e);
        }
    }
}
