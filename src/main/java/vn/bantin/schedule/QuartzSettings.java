package vn.bantin.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.simpl.ZeroSizeThreadPool;
import org.quartz.utils.ConnectionProvider;

import vn.bantin.store.NodeName;

/**
 * The Quartz properties of bantin's scheduler: a clustered JDBC job store ({@link JobStoreTX}) on the product's
 * database, so that the service and the CLI (and later several services) share the triggers safely through
 * database row locks.
 */
final class QuartzSettings {
    static final String SCHEDULER_NAME = "bantin";

    private QuartzSettings() {
    }

    /**
     * @param service true for the instance that runs jobs; false for a client that only reads and stores triggers
     *                and never starts (no worker threads)
     */
    static Properties properties(String instanceId, String dataSourceName, String delegate, Schedules s, boolean service) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(Math.max(1000, s.poll().toMillis())));
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", Boolean.toString(!service));
        if (service) {
            p.setProperty("org.quartz.threadPool.class", SimpleThreadPool.class.getName());
            p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(s.threads()));
            p.setProperty("org.quartz.threadPool.threadNamePrefix", "bantin-job");
        } else {
            p.setProperty("org.quartz.threadPool.class", ZeroSizeThreadPool.class.getName());
        }
        p.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass", delegate);
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(s.misfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(s.checkin().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    /** StdJDBCDelegate for H2 (and most databases); PostgreSQLDelegate, which reads BYTEA, for PostgreSQL. */
    static String delegateFor(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName();
        }
    }

    /**
     * The node's name, pid@host ({@link NodeName}): unique among the processes sharing the store while they run, and
     * the name {@code history} gives the node for the runs it ran and the messages it sent.
     */
    static String newInstanceId() {
        String id = NodeName.current();
        return id.length() > 190 ? id.substring(0, 190) : id;
    }

    /** Hands Quartz connections of the product's own DataSource; Quartz shutting down leaves the DataSource open. */
    record Provider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the DataSource belongs to whoever created it
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
