package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The console's wrong-password counts (table {@code console_login_failure}), shared by every node on the store: a
 * count is one row per name or address, raised in one statement, so that two nodes counting at once lose no failure.
 */
public final class LoginFailures {
    /** A count with no failure for this long is forgotten. */
    public static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final DataSource db;

    public LoginFailures(DataSource db) {
        this.db = db;
    }

    /** How many wrong passwords in a row {@code counted} has, and until when its sign-in waits (null: it need not). */
    public record Count(int failures, Instant waitUntil) {}

    public Optional<Count> find(String counted, Instant now) {
        String sql = "SELECT failures, wait_until FROM console_login_failure WHERE counted = ? AND last_failed > ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, counted);
            Jdbc.setInstant(s, 2, now.minus(FORGOTTEN_AFTER));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Count(r.getInt("failures"), Jdbc.getInstant(r, "wait_until"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("The store could not read the console's sign-in counts: " + Database.reason(e) + ".", e);
        }
    }

    /** Counts one more wrong password for {@code counted} (a forgotten count starts again at one); returns the count. */
    public int failed(String counted, Instant now) {
        try (Connection c = db.getConnection()) {
            for (int attempt = 0; ; attempt++) {
                int changed = update(c, "UPDATE console_login_failure SET failures = CASE WHEN last_failed > ? THEN failures + 1"
                        + " ELSE 1 END, wait_until = CASE WHEN last_failed > ? THEN wait_until ELSE NULL END, last_failed = ?"
                        + " WHERE counted = ?", now.minus(FORGOTTEN_AFTER), now.minus(FORGOTTEN_AFTER), now, counted);
                if (changed == 0) {
                    try {
                        update(c, "INSERT INTO console_login_failure (counted, failures, wait_until, last_failed) VALUES (?, 1, NULL, ?)",
                                counted, now);
                    } catch (SQLException raced) {
                        if (attempt < 3) {
                            continue; // another node inserted it first: count on its row
                        }
                        throw raced;
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT failures FROM console_login_failure WHERE counted = ?")) {
                    s.setString(1, counted);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? r.getInt(1) : 1;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("The store could not count a wrong password: " + Database.reason(e) + ".", e);
        }
    }

    /** Makes {@code counted}'s next sign-in wait until {@code until}, unless a later wait is set already. */
    public void waitUntil(String counted, Instant until) {
        try (Connection c = db.getConnection()) {
            update(c, "UPDATE console_login_failure SET wait_until = ? WHERE counted = ? AND (wait_until IS NULL OR wait_until < ?)",
                    until, counted, until);
        } catch (SQLException e) {
            throw new StoreException("The store could not keep a sign-in wait: " + Database.reason(e) + ".", e);
        }
    }

    /** Forgets {@code counted}'s count (a right password), and every count not raised for a day. */
    public void clear(String counted, Instant now) {
        try (Connection c = db.getConnection()) {
            update(c, "DELETE FROM console_login_failure WHERE counted = ? OR last_failed < ?", counted, now.minus(FORGOTTEN_AFTER));
        } catch (SQLException e) {
            throw new StoreException("The store could not clear a sign-in count: " + Database.reason(e) + ".", e);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant t) {
                    Jdbc.setInstant(s, i + 1, t);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            return s.executeUpdate();
        }
    }
}
