package vn.bantin.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.simpl.ZeroSizeThreadPool;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

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

    private static final java.util.concurrent.atomic.AtomicInteger CREATED = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The node's name, pid@host ({@link NodeName}): unique among the processes sharing the store while they run, and
     * the name {@code history} gives the node for the runs it ran and the messages it sent. A second scheduler in the
     * same process (serve's client for {@code trigger}, or a test's) is pid@host#2, and so on: Quartz needs one id per
     * scheduler instance.
     */
    static String newInstanceId() {
        String node = NodeName.current();
        int n = CREATED.incrementAndGet();
        String id = n == 1 ? node : node + "#" + n;
        return id.length() > 190 ? id.substring(id.length() - 190) : id;
    }

    /**
     * Quartz finds its connections by name in a JVM-wide registry ({@link DBConnectionManager}) that has no way to
     * remove a name. One name per DataSource, counted: the schedulers on one store (a serve and the clients made for
     * each {@code trigger} or {@code schedule} it answers) share it, the last one out replaces it with a provider that
     * holds nothing, and a name let go is given to the next store. So the registry holds at most as many names as
     * stores were open at once, none keeps a closed pool alive, and two stores never share a name.
     */
    static final class Providers {
        private static final Map<DataSource, Registration> BY_STORE = new IdentityHashMap<>();
        private static final Deque<String> FREE = new ArrayDeque<>();
        private static int named;

        private record Registration(String name, int users) {
        }

        private Providers() {
        }

        static synchronized String register(DataSource dataSource) {
            Registration r = BY_STORE.get(dataSource);
            if (r == null) {
                String name = FREE.isEmpty() ? "bantin-store-" + (++named) : FREE.pop();
                DBConnectionManager.getInstance().addConnectionProvider(name, new Provider(dataSource));
                r = new Registration(name, 0);
            }
            BY_STORE.put(dataSource, new Registration(r.name(), r.users() + 1));
            return r.name();
        }

        static synchronized void release(DataSource dataSource) {
            Registration r = BY_STORE.get(dataSource);
            if (r == null) {
                return;
            }
            if (r.users() > 1) {
                BY_STORE.put(dataSource, new Registration(r.name(), r.users() - 1));
                return;
            }
            BY_STORE.remove(dataSource);
            DBConnectionManager.getInstance().addConnectionProvider(r.name(), Released.INSTANCE);
            FREE.push(r.name());
        }

        /** How many names the registry holds for open stores (for a test). */
        static synchronized int inUse() {
            return BY_STORE.size();
        }
    }

    /** What a name let go answers: nothing, since its store's schedulers are all closed. */
    private enum Released implements ConnectionProvider {
        INSTANCE;

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("the scheduler using this store was closed");
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
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
