package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The console's users and API tokens (tables {@code console_user}, {@code console_token}). Passwords and tokens
 * arrive here already hashed: the store never sees one in clear.
 */
public final class ConsoleUsers {
    private static final String COLUMNS = "id, name, role, password_hash, created_at, updated_at, disabled";

    private final DataSource db;
    private final Clock clock;

    public ConsoleUsers(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a user; refused with a sentence when the name is taken. */
    public UserRow add(String name, String role, String passwordHash) {
        if (find(name).isPresent()) {
            throw new StoreException("A console user named '" + name + "' exists already; choose another name, or change"
                    + " that user's role or password instead.");
        }
        Instant now = clock.instant();
        String sql = "INSERT INTO console_user (name, role, password_hash, created_at, updated_at, disabled) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.setString(2, role);
            s.setString(3, passwordHash);
            Jdbc.setInstant(s, 4, now);
            Jdbc.setInstant(s, 5, now);
            s.setBoolean(6, false);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("The store could not add the console user '" + name + "': " + Database.reason(e) + ".", e);
        }
        return find(name).orElseThrow();
    }

    public Optional<UserRow> find(String name) {
        return one("SELECT " + COLUMNS + " FROM console_user WHERE name = ?", name);
    }

    public Optional<UserRow> find(long id) {
        return one("SELECT " + COLUMNS + " FROM console_user WHERE id = ?", id);
    }

    public List<UserRow> list() {
        return many("SELECT " + COLUMNS + " FROM console_user ORDER BY name");
    }

    /** How many users may sign in (not disabled) with the admin role. */
    public long activeAdmins() {
        return list().stream().filter(u -> !u.disabled() && u.role().equals("admin")).count();
    }

    public void setRole(long id, String role) {
        update("UPDATE console_user SET role = ?, updated_at = ? WHERE id = ?", role, id);
    }

    public void setPasswordHash(long id, String hash) {
        update("UPDATE console_user SET password_hash = ?, updated_at = ? WHERE id = ?", hash, id);
    }

    public void setDisabled(long id, boolean disabled) {
        update("UPDATE console_user SET disabled = ?, updated_at = ? WHERE id = ?", disabled, id);
        if (disabled) {
            exec("DELETE FROM console_token WHERE user_id = ?", id);
        }
    }

    /** Keeps the SHA-256 (hex) of a new token for the user; {@code prefix} tells tokens apart in a list. */
    public void addToken(long userId, String tokenHash, String prefix) {
        String sql = "INSERT INTO console_token (user_id, token_hash, prefix, created_at) VALUES (?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, userId);
            s.setString(2, tokenHash);
            s.setString(3, prefix);
            Jdbc.setInstant(s, 4, clock.instant());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("The store could not keep the new API token: " + Database.reason(e) + ".", e);
        }
    }

    /** The user a token (by its SHA-256) belongs to, if it is known and its user may sign in. */
    public Optional<UserRow> byToken(String tokenHash) {
        return one("SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.updated_at, u.disabled FROM console_user u"
                + " JOIN console_token t ON t.user_id = u.id WHERE t.token_hash = ? AND u.disabled = FALSE", tokenHash);
    }

    private Optional<UserRow> one(String sql, Object key) {
        List<UserRow> rows = many(sql, key);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<UserRow> many(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<UserRow> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new UserRow(r.getLong("id"), r.getString("name"), r.getString("role"), r.getString("password_hash"),
                            Jdbc.getInstant(r, "created_at"), Jdbc.getInstant(r, "updated_at"), r.getBoolean("disabled")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("The store could not read the console users: " + Database.reason(e) + ".", e);
        }
    }

    private void update(String sql, Object value, long id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            Jdbc.setInstant(s, 2, clock.instant());
            s.setLong(3, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("The store could not change console user #" + id + ": " + Database.reason(e) + ".", e);
        }
    }

    private void exec(String sql, long id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("The store could not change console user #" + id + ": " + Database.reason(e) + ".", e);
        }
    }
}
