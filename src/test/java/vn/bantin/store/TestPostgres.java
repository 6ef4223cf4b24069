package vn.bantin.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the PostgreSQL server of 127.0.0.1:5432 (user postgres, trust authentication), made with a
 * unique name and dropped by {@link #close()}. Where no server answers, the test that asked for one is skipped with
 * the reason, unless PostgreSQL is required (environment BANTIN_REQUIRE_POSTGRES=1, as in CI, or system property
 * bantin.requirePostgres=true): then it fails.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    /** 5432, or -Dbantin.test.postgresPort (to see the skip, or the failure when required, against a closed port). */
    public static final int PORT = Integer.getInteger("bantin.test.postgresPort", 5432);
    public static final String ADMIN = "postgres";
    private static final String SERVER = "jdbc:postgresql://" + HOST + ":" + PORT + "/";

    private final String name;

    private TestPostgres(String name) {
        this.name = name;
    }

    /** Makes a new database; skips (or fails, when required) the calling test when the server does not answer. */
    public static TestPostgres create() {
        return create(newName());
    }

    private static TestPostgres create(String name) {
        try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
            withoutWaitForDisk(s, name);
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable on " + HOST + ":" + PORT + ": " + Database.firstLine(e.getMessage());
            if (required()) {
                Assertions.fail(reason + " (BANTIN_REQUIRE_POSTGRES=1 or -Dbantin.requirePostgres=true: the PostgreSQL tests"
                        + " must run)", e);
            }
            Assumptions.abort(reason + "; the test is skipped (set BANTIN_REQUIRE_POSTGRES=1 to make this a failure)");
        }
        return new TestPostgres(name);
    }

    /**
     * A new database with bantin's schema already in it: a copy of a template migrated once per JVM, which makes a
     * test's store in a fraction of the time Flyway takes on an empty database.
     */
    public static TestPostgres createMigrated() {
        String template = Template.name();
        String name = newName();
        try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name + " TEMPLATE " + template);
            withoutWaitForDisk(s, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the template database " + template + ": " + e.getMessage(), e);
        }
        return new TestPostgres(name);
    }

    /**
     * A test's commits need not wait for the disk (a test database does not outlive a crash of the server): each of
     * the program's many small autocommitted writes otherwise waits for a WAL flush. What the program sees is the same.
     */
    private static void withoutWaitForDisk(Statement s, String name) throws SQLException {
        s.executeUpdate("ALTER DATABASE " + name + " SET synchronous_commit = off");
    }

    /** The migrated template of {@link #createMigrated()}, made at its first use and dropped when the JVM ends. */
    private static final class Template {
        private static String name;

        private static final String PREFIX = "bantin_test_template_";

        static synchronized String name() {
            if (name == null) {
                dropOrphans();
                TestPostgres t = create(PREFIX + ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
                Database.open(t.address()).close();
                Runtime.getRuntime().addShutdownHook(new Thread(t::dropNow));
                name = t.name;
            }
            return name;
        }

        /**
         * Drops the databases (templates and copies: their names carry the JVM's pid) of test JVMs that were killed
         * before they could drop them themselves (the server is local, so the pid says whether that JVM still runs).
         */
        private static void dropOrphans() {
            java.util.List<String> orphans = new java.util.ArrayList<>();
            try (Connection c = admin("postgres"); Statement s = c.createStatement();
                 java.sql.ResultSet r = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + NAME_PREFIX + "%'")) {
                while (r.next()) {
                    String pid = r.getString(1).replaceFirst("^" + PREFIX + "|^" + NAME_PREFIX, "").replaceAll("_.*", "");
                    if (pid.matches("[0-9]+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        orphans.add(r.getString(1));
                    }
                }
            } catch (SQLException e) {
                return; // create() says why the server does not answer
            }
            orphans.forEach(orphan -> new TestPostgres(orphan).close());
        }
    }

    private static final String NAME_PREFIX = "bantin_test_";

    private static String newName() {
        return NAME_PREFIX + ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static boolean required() {
        return "1".equals(System.getenv("BANTIN_REQUIRE_POSTGRES")) || Boolean.getBoolean("bantin.requirePostgres");
    }

    static Connection admin(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", ADMIN);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(SERVER + database, p);
    }

    public String name() {
        return name;
    }

    public String url() {
        return SERVER + name;
    }

    /** The store in this database, as the server's user postgres (no password: trust authentication). */
    public StoreAddress address() {
        return new StoreAddress(url(), ADMIN, StoreAddress.DEFAULT_PASSWORD_VARIABLE, null);
    }

    /** A connection to this database as postgres, for a test to look at what the program wrote. */
    public Connection connect() throws SQLException {
        return admin(name);
    }

    /**
     * Drops the database, ending the connections still open to it, on a thread of its own: PostgreSQL checkpoints at
     * every DROP DATABASE (one to two seconds on a busy machine), which no test needs to wait for. All are dropped
     * before the JVM ends.
     */
    @Override
    public void close() {
        Dropper.drop(this);
    }

    /** Drops the database now. */
    void dropNow() {
        try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** One thread that drops the databases tests have ended with; a test waits only when a few are queued already. */
    private static final class Dropper {
        private static final int QUEUED = 4;
        private static final java.util.concurrent.Semaphore ROOM = new java.util.concurrent.Semaphore(QUEUED);
        private static final java.util.concurrent.ExecutorService THREAD = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-database-dropper");
            t.setDaemon(true);
            return t;
        });

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(Dropper::finish));
        }

        static void drop(TestPostgres database) {
            ROOM.acquireUninterruptibly();
            try {
                THREAD.execute(() -> {
                    try {
                        database.dropNow();
                    } catch (RuntimeException e) {
                        System.err.println(e.getMessage());
                    } finally {
                        ROOM.release();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                ROOM.release();
                database.dropNow(); // the JVM is ending
            }
        }

        /** Waits for the queued drops, so that no test database outlives the test JVM. */
        private static void finish() {
            THREAD.shutdown();
            try {
                THREAD.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
