package vn.bantin.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * A row of Quartz's own lock table (QRTZ_LOCKS), held with SELECT … FOR UPDATE for the length of a piece of work, so
 * that the nodes sharing the store do that work one at a time (the way Quartz guards its triggers). Quartz never
 * takes bantin's rows, so the work may call Quartz on other connections meanwhile. A node that dies while holding
 * the row loses its connection, and the database lets the row go.
 */
final class ClusterLock {
    /** Bringing the stored triggers in line with the config: two nodes starting at once do it one after the other. */
    static final String RECONCILE = "BANTIN_RECONCILE";

    private ClusterLock() {
    }

    static <T> T holding(DataSource dataSource, String lock, Supplier<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                c.setAutoCommit(true);
                insertOnce(c, lock);
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("SELECT LOCK_NAME FROM QRTZ_LOCKS WHERE SCHED_NAME = ?"
                        + " AND LOCK_NAME = ? FOR UPDATE")) {
                    s.setString(1, QuartzSettings.SCHEDULER_NAME);
                    s.setString(2, lock);
                    s.executeQuery().close();
                }
                T result = work.get();
                c.commit();
                return result;
            } finally {
                try {
                    c.rollback();
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new ScheduleException("cannot take the store's lock " + lock + " (another node holds it, or the database"
                    + " does not answer): " + e.getMessage(), e);
        }
    }

    /** The lock's row, made by the first node that needs it; another node making it at the same moment is fine. */
    private static void insertOnce(Connection c, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) SELECT ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM QRTZ_LOCKS WHERE SCHED_NAME = ? AND LOCK_NAME = ?)")) {
            s.setString(1, QuartzSettings.SCHEDULER_NAME);
            s.setString(2, lock);
            s.setString(3, QuartzSettings.SCHEDULER_NAME);
            s.setString(4, lock);
            s.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e; // not "the other node inserted it first"
            }
        }
    }
}
