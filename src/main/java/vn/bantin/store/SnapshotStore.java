package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import vn.bantin.indicator.Figure;
import vn.bantin.indicator.IndicatorRow;

/**
 * The figures of each period as last computed. A run saves all of a period's rows at once, replacing what an
 * earlier run of that period saved: readers see the old rows or the new ones, never a mix.
 */
public final class SnapshotStore {
    private final DataSource db;

    public SnapshotStore(DataSource db) {
        this.db = db;
    }

    /**
     * Replaces the rows of {@code periodKey} with {@code rows}, computed by run {@code runId}, in one transaction. Two
     * runs of one period at once (a manual trigger while a scheduled batch runs) both delete, then both insert: the
     * second meets the first's rows as a duplicate key, and tries again once they are committed, so the later
     * figures win instead of the run failing.
     */
    public void replace(long runId, String periodKey, List<SnapshotRow> rows) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.getConnection()) {
                replace(c, runId, periodKey, rows);
                return;
            } catch (SQLException e) {
                if (!duplicateKey(e) || attempt == ATTEMPTS) {
                    throw new StoreException("The store could not save the figures of " + periodKey + ": "
                            + Database.firstLine(e.getMessage()) + ".", e);
                }
            }
        }
    }

    private static final String DUPLICATE_KEY = "23505";
    private static final int ATTEMPTS = 3;

    /** A batch reports the row at fault as its cause or as the next exception, depending on the driver. */
    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException q && (DUPLICATE_KEY.equals(q.getSQLState())
                    || q.getNextException() != null && DUPLICATE_KEY.equals(q.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void replace(Connection c, long runId, String periodKey, List<SnapshotRow> rows) throws SQLException {
        String insert = "INSERT INTO indicator_snapshot (run_id, period_key, indicator, scope, scope_code, numerator,"
                + " denominator, figure) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        c.setAutoCommit(false);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM indicator_snapshot WHERE period_key = ?");
             PreparedStatement s = c.prepareStatement(insert)) {
            delete.setString(1, periodKey);
            delete.executeUpdate();
            for (SnapshotRow r : rows) {
                s.setLong(1, runId);
                s.setString(2, periodKey);
                s.setString(3, r.indicator());
                s.setString(4, r.scope().id());
                s.setString(5, r.scopeCode());
                Jdbc.setLong(s, 6, r.numerator());
                Jdbc.setLong(s, 7, r.denominator());
                if (r.value() instanceof Figure.Value v) {
                    s.setDouble(8, v.value());
                } else {
                    s.setNull(8, Types.DOUBLE);
                }
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The rows of {@code periodKey}, by indicator, scope and code; empty if none was saved. */
    public List<SnapshotRow> read(String periodKey) {
        String sql = "SELECT indicator, scope, scope_code, numerator, denominator, figure FROM indicator_snapshot"
                + " WHERE period_key = ? ORDER BY indicator, scope, scope_code";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, periodKey);
            List<SnapshotRow> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double v = r.getDouble("figure");
                    Figure figure = r.wasNull() ? Figure.NO_DATA : Figure.of(v);
                    out.add(new SnapshotRow(r.getString("indicator"),
                            IndicatorRow.Scope.valueOf(r.getString("scope").toUpperCase(Locale.ROOT)), r.getString("scope_code"),
                            Jdbc.getLong(r, "numerator"), Jdbc.getLong(r, "denominator"), figure));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("The store could not read the figures of " + periodKey + ": "
                    + Database.firstLine(e.getMessage()) + ".", e);
        }
    }
}
