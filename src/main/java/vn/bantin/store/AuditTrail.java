package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The audit trail (table {@code audit}): who did what and when, written by the console's actions, read by admins. */
public final class AuditTrail {
    private final DataSource db;
    private final Clock clock;

    public AuditTrail(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records that {@code actor} did {@code action} now ({@code details}: what on, how it ended; no secret). */
    public void record(String actor, String action, String details) {
        record(actor, action, details, null, List.of());
    }

    /**
     * As {@link #record(String, String, String)}, with the details also as a label key of the console and its values
     * ({@code detailsKey} null: none), so that the Audit page words them in its reader's language.
     */
    public void record(String actor, String action, String details, String detailsKey, List<String> detailsArgs) {
        String sql = "INSERT INTO audit (at, actor, action, details, details_key, details_args) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.setInstant(s, 1, clock.instant());
            s.setString(2, Jdbc.cut(actor, 100));
            s.setString(3, Jdbc.cut(action, 60));
            s.setString(4, Jdbc.cut(details, 4000));
            s.setString(5, detailsKey == null ? null : Jdbc.cut(detailsKey, 100));
            String args = String.join(AuditRow.ARG_SEPARATOR, detailsArgs);
            s.setString(6, detailsKey == null || args.length() > 4000 ? null : args); // cut, the values would be wrong
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("The store could not record in the audit trail that " + actor + " did " + action + ": "
                    + Database.reason(e) + ".", e);
        }
    }

    /** The latest {@code limit} lines, newest first. */
    public List<AuditRow> recent(int limit) {
        String sql = "SELECT id, at, actor, action, details, details_key, details_args FROM audit ORDER BY id DESC";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setMaxRows(limit);
            List<AuditRow> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new AuditRow(r.getLong("id"), Jdbc.getInstant(r, "at"), r.getString("actor"), r.getString("action"),
                            r.getString("details"), r.getString("details_args") == null ? null : r.getString("details_key"),
                            AuditRow.args(r.getString("details_args"))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("The store could not read the audit trail: " + Database.reason(e) + ".", e);
        }
    }
}
