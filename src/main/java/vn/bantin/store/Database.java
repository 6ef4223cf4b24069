package vn.bantin.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The store: a pool of connections to one database whose schema is brought up to date by the migrations of
 * {@code db/migration} when it is opened.
 *
 * <p>The default is an H2 file under {@code var/}, which one process at a time opens: no TCP server, so no port. The
 * service ({@code serve}) holds it while it runs and answers {@code trigger}, {@code history} and {@code schedule}
 * through a Unix-domain socket beside it ({@link StoreFiles#socket()}); another process that finds the file held
 * waits up to {@link #DEFAULT_WAIT} for it and then says so in a sentence, so a frozen holder hangs nobody.
 *
 * <p>The store has two accounts ({@link StoreCredentials}), kept in a 0600 file beside it in a 0700 folder: the
 * owner migrates the schema; the program's connections are the application user's, who cannot create functions,
 * read files or change the schema. A store made before (user {@code SA}, no password) is taken over at its first
 * opening: SA gets the owner's new password and the application user is added.
 *
 * <p>The pool is H2's own {@link JdbcConnectionPool}: the store needs a handful of connections to a local file,
 * which it gives with no further dependency and no threads of its own.
 *
 * <p>A PostgreSQL store ({@code jdbc:postgresql://…}, opened with {@link #open(StoreAddress)}) is a server that many
 * processes and machines share: no file, no credentials file, no socket; see {@link PostgresStore}.
 */
public final class Database implements AutoCloseable {
    /** A file under {@code var/} of the working folder. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./var/bantin";
    /** How long opening waits for a file another process holds, and a statement for a row another one has locked. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    /** No statement of the program takes near this long; one that does is stuck, and is cancelled. */
    static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);
    private static final String H2 = "jdbc:h2:";
    private static final int MAX_CONNECTIONS = 8;
    private static final int LOGIN_TIMEOUT_SECONDS = 10;
    private static final org.h2.Driver DRIVER = org.h2.Driver.load();

    private final DataSource pool;
    private final Runnable closer;
    private final String where;
    private final boolean server;

    private Database(JdbcConnectionPool pool, String where) {
        this(pool, pool::dispose, where, false);
    }

    private Database(DataSource pool, Runnable closer, String where, boolean server) {
        this.pool = pool;
        this.closer = closer;
        this.where = where;
        this.server = server;
    }

    /** Opens the store at {@code address}, waiting up to {@link #DEFAULT_WAIT} for a held file or row. */
    public static Database open(StoreAddress address) {
        return open(address, DEFAULT_WAIT);
    }

    /**
     * Opens the store at {@code address}: an H2 store as {@link #open(String, Duration)}, a PostgreSQL one as its
     * configured user ({@link PostgresStore}). Either way the schema is brought up to date first.
     *
     * @param wait how long to wait for a held file (H2), a connection or a locked row
     */
    public static Database open(StoreAddress address, Duration wait) {
        return open(address, wait, System::getenv);
    }

    /** As {@link #open(StoreAddress, Duration)}, with the environment variables looked up in {@code environment}. */
    static Database open(StoreAddress address, Duration wait, java.util.function.UnaryOperator<String> environment) {
        if (!address.isServer()) {
            if (address.user() != null) {
                throw new StoreException("The store " + address.where() + " is an H2 store, whose accounts are in the"
                        + " credentials file beside it; remove store.user (it is for a PostgreSQL store).");
            }
            return open(address.url(), wait);
        }
        PostgresStore.Opened opened = PostgresStore.open(address, wait, environment);
        return new Database(opened.pool(), opened.pool()::close, address.where(), true);
    }

    /** True when the store is a database server (PostgreSQL) that other processes and machines may share. */
    public boolean isServer() {
        return server;
    }

    /** Opens the store at {@code url} with its credentials file, waiting up to {@link #DEFAULT_WAIT} for a held file. */
    public static Database open(String url) {
        return open(url, DEFAULT_WAIT);
    }

    /**
     * Opens the store at {@code url}: a file store with the credentials file beside it (made, with the folder, at the
     * first opening), an in-memory one with new accounts; another (a server) needs {@link #open(String,
     * StoreCredentials, Duration)}. Makes the folder 0700 and the store's files 0600.
     *
     * @param wait how long to wait for a file another process holds
     * @throws StoreException as {@link #open(String, StoreCredentials, Duration)}, and when the folder or the
     *                        credentials cannot be made or read
     */
    public static Database open(String url, Duration wait) {
        String where = where(url);
        refuseUnsupported(url, where);
        Optional<StoreFiles> local = StoreFiles.of(url);
        if (local.isEmpty()) {
            if (url.startsWith(H2 + "mem:")) {
                return open(url, StoreCredentials.generate(StoreCredentials.OWNER), wait);
            }
            throw new StoreException("The store " + where + " is not a file of this machine, so it has no credentials file"
                    + " beside it; use a file store such as " + DEFAULT_URL + ".");
        }
        StoreFiles files = local.get();
        try {
            files.secureFolder();
        } catch (IOException e) {
            throw new StoreException("The store's folder " + files.folder() + " cannot be made or made private (" + e.getMessage()
                    + "); run the command as the service's user, who owns it.", e);
        }
        StoreCredentials credentials = credentials(files);
        Database db = open(url, credentials, wait);
        try {
            files.secureFiles();
        } catch (IOException e) {
            db.close();
            throw new StoreException("The files of the store " + where + " cannot be made private (" + e.getMessage()
                    + "); run the command as the service's user, who owns them.", e);
        }
        return db;
    }

    /**
     * The store's credentials file, made at its first opening. A store that has data but no such file was made by an
     * earlier version, as SA: SA becomes its owner (and gets its password at the opening). Two processes opening a new
     * store at once make one file: the second reads the first's.
     */
    private static StoreCredentials credentials(StoreFiles files) {
        Path file = files.credentials();
        if (!Files.exists(file)) {
            boolean legacy = Files.exists(files.data());
            StoreCredentials made = StoreCredentials.generate(legacy ? StoreCredentials.LEGACY_USER : StoreCredentials.OWNER);
            try {
                if (made.writeNew(file)) {
                    return made;
                }
            } catch (IOException e) {
                throw new StoreException("The store's credentials file " + file + " cannot be written (" + e.getMessage()
                        + "); run the command as the service's user, who owns " + files.folder() + ".", e);
            }
        }
        return StoreCredentials.read(file);
    }

    /**
     * Opens the store at {@code url} with these accounts: as the owner, brings the schema up to date and gives the
     * application user its rights on the tables; then opens the pool as the application user.
     *
     * @throws StoreException when the database is held by another process beyond {@code wait}, refuses the user,
     *                        cannot be read or written, or has a schema this version cannot use; the message says
     *                        which and what to do, and never holds a password
     */
    public static Database open(String url, StoreCredentials credentials, Duration wait) {
        String where = where(url);
        refuseUnsupported(url, where);
        String ownerUrl = withSessionTimeouts(uninterruptible(durable(url)), wait);
        JdbcConnectionPool pool = null;
        String user = credentials.ownerUser();
        try (Connection owner = ownerConnection(ownerUrl, credentials, wait)) {
            Flyway.configure()
                    .dataSource(ownerUrl, credentials.ownerUser(), credentials.ownerPassword())
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            grantTables(owner, credentials.appUser(), credentials.appPassword());
            user = credentials.appUser();
            pool = JdbcConnectionPool.create(withSessionTimeouts(uninterruptible(withoutSetting(url, "WRITE_DELAY")), wait),
                    credentials.appUser(), credentials.appPassword());
            pool.setMaxConnections(MAX_CONNECTIONS);
            pool.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
            // The first pooled connection opens before the owner's closes, so that the database stays open between.
            try (Connection c = pool.getConnection()) {
                c.isValid(LOGIN_TIMEOUT_SECONDS);
            }
            return new Database(pool, where);
        } catch (SQLException e) {
            dispose(pool);
            throw opening(where, user, wait, e);
        } catch (FlywayException e) {
            dispose(pool);
            throw new StoreException("The store " + where + " could not be brought to this version's schema: "
                    + firstLine(e.getMessage()) + "; restore the database of this version or run the matching version of bantin.", e);
        }
    }

    private static void refuseUnsupported(String url, String where) {
        if (!url.startsWith(H2)) {
            throw new StoreException("The store URL " + where + " is not supported here: open it with its user"
                    + " (store.user) as a PostgreSQL store (jdbc:postgresql://host:5432/bantin), or give an H2 URL such as "
                    + DEFAULT_URL + ".");
        }
        String settings = url.toUpperCase(Locale.ROOT);
        if (settings.matches(".*;\\s*(USER|PASSWORD)\\s*=.*")) {
            throw new StoreException("The store URL " + where + " carries a user or password setting; remove it: the store's"
                    + " accounts are in the credentials file beside it, and the program connects as its own user.");
        }
        if (settings.matches(".*;\\s*AUTO_SERVER\\s*=\\s*TRUE.*")) {
            throw new StoreException("The store URL " + where + " asks for AUTO_SERVER=TRUE, which opens the store to the"
                    + " network on a port of every interface; remove it: a running serve answers trigger, history and"
                    + " schedule through a socket beside the store.");
        }
    }

    /**
     * The owner's connection, waiting up to {@code wait} while another process holds the file. A store made by an
     * earlier version whose SA has no password yet (its first opening, or one cut off before SA's new password was
     * set) gets it now.
     */
    private static Connection ownerConnection(String url, StoreCredentials c, Duration wait) throws SQLException {
        try {
            return connect(url, c.ownerUser(), c.ownerPassword(), wait);
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD || !c.ownerUser().equals(StoreCredentials.LEGACY_USER)) {
                throw e;
            }
            Connection legacy = connect(url, StoreCredentials.LEGACY_USER, "", wait);
            try (PreparedStatement s = legacy.prepareStatement("ALTER USER " + quoted(c.ownerUser()) + " SET PASSWORD ?")) {
                s.setString(1, c.ownerPassword());
                s.executeUpdate();
            } catch (SQLException failed) {
                legacy.close();
                throw failed;
            }
            return legacy;
        }
    }

    static Connection connect(String url, String user, String password, Duration wait) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return DRIVER.connect(url, p);
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1 || System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            try {
                // A held file is a lock of the operating system, which tells no one when it is let go: look again.
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the store", "HY008", ErrorCode.DATABASE_ALREADY_OPEN_1, e);
            }
        }
    }

    /**
     * Creates the application user, or sets its password from the credentials, and lets it read and write every
     * table of the schema but Flyway's; run at every opening, so that tables of new migrations are granted too.
     * The password goes as a parameter, so that it is in no SQL text H2 might trace.
     */
    private static void grantTables(Connection owner, String appUser, String appPassword) throws SQLException {
        String user = quoted(appUser);
        try (PreparedStatement create = owner.prepareStatement("CREATE USER IF NOT EXISTS " + user + " PASSWORD ?")) {
            create.setString(1, appPassword);
            create.executeUpdate();
        }
        try (PreparedStatement password = owner.prepareStatement("ALTER USER " + user + " SET PASSWORD ?")) {
            password.setString(1, appPassword);
            password.executeUpdate();
        }
        try (Statement s = owner.createStatement()) {
            s.executeUpdate("ALTER USER " + user + " ADMIN FALSE");
            List<String> grants = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_TYPE IN ('BASE TABLE', 'VIEW') AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'"
                    + " AND TABLE_NAME <> 'flyway_schema_history'")) {
                while (r.next()) {
                    grants.add("GRANT " + (r.getString(3).equals("VIEW") ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE") + " ON "
                            + quoted(r.getString(1)) + "." + quoted(r.getString(2)) + " TO " + user);
                }
            }
            for (String grant : grants) {
                s.executeUpdate(grant);
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Every statement of the program's connections ends: a row lock is waited for as long as a held file, and a
     * statement is cancelled after {@link #QUERY_TIMEOUT}; a URL that sets either keeps its own.
     */
    static String withSessionTimeouts(String url, Duration wait) {
        String upper = url.toUpperCase(Locale.ROOT);
        String out = url;
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            out += ";LOCK_TIMEOUT=" + wait.toMillis();
        }
        if (!upper.contains(";QUERY_TIMEOUT=")) {
            out += ";QUERY_TIMEOUT=" + QUERY_TIMEOUT.toMillis();
        }
        return out;
    }

    /** The URL without one {@code ;KEY=VALUE} setting (a database setting only the owner may make). */
    static String withoutSetting(String url, String key) {
        return url.replaceAll("(?i);\\s*" + key + "\\s*=[^;]*", "");
    }

    private static void dispose(JdbcConnectionPool pool) {
        if (pool != null) {
            pool.dispose();
        }
    }


    /**
     * H2 writes committed transactions to disk up to a second later by default; a process killed in that second
     * loses them, and the ledger would forget messages it had sent (found by killing a delivering run). Every
     * commit of the store is written at once.
     */
    static String durable(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=") || url.startsWith("jdbc:h2:mem:")
                ? url : url + ";WRITE_DELAY=0";
    }

    /**
     * A file store goes through H2's {@code async:} file system. With the default one, H2 does its file I/O on a
     * {@code FileChannel} in the thread that runs the statement; an interrupt of that thread closes the channel and H2
     * then closes the whole database, for every connection (and every process sharing it through AUTO_SERVER). Quartz
     * interrupts its own threads when it shuts down, now and then in the middle of a commit, and the service's stop
     * then failed with "The database has been closed". {@code async:} does the I/O in threads of its own and waits for
     * it through interrupts: same files and format, shared with processes that open them as {@code file:}. Other URLs
     * (in memory, a server, another file system) are left alone; as for H2, a prefix before a colon at index 2 or later
     * names a file system ({@code C:} is a drive), and {@code file:} and {@code nio:} are the default one.
     */
    static String uninterruptible(String url) {
        String name = url.substring(H2.length());
        String path = name.startsWith("file:") ? name.substring("file:".length())
                : name.startsWith("nio:") ? name.substring("nio:".length()) : name;
        int colon = path.indexOf(':');
        int semicolon = path.indexOf(';');
        boolean defaultFileSystem = colon < 2 || (semicolon >= 0 && semicolon < colon);
        return defaultFileSystem ? H2 + "async:" + path : url;
    }

    /** Connections of the pool; close each one after use (try-with-resources), which hands it back. */
    public DataSource dataSource() {
        return pool;
    }

    /** Where the store is, as told to people: the URL without its settings (which may carry a password). */
    public String where() {
        return where;
    }

    /** Closes the pooled connections; with the last one H2 closes the file and lets another process own it. */
    @Override
    public void close() {
        closer.run();
    }

    static StoreException opening(String where, String user, Duration wait, SQLException e) {
        String sentence = switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "The store " + where + " is in use by another process and was still"
                    + " held after " + wait.toSeconds() + " s; if serve runs, trigger, history, schedule and users reach it (and run"
                    + " waits until it stops); if the console command runs, stop it first (serve hosts the console and answers users"
                    + " itself); if a run is in progress, try again when it ends.";
            case ErrorCode.WRONG_USER_OR_PASSWORD -> "The store " + where + " refused user '" + user
                    + "': wrong user name or password; the credentials file beside a file store must be the one made with"
                    + " it (restore both from the same backup).";
            case ErrorCode.CONNECTION_BROKEN_1 -> "The store " + where + " cannot be reached (" + firstLine(e.getMessage())
                    + "); check that its server, or the process that shares the file, is running and that the port is not blocked.";
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_CREATION_FAILED_1 -> "The store " + where
                    + " cannot be read or written (" + firstLine(e.getMessage()) + "); check the folder and its permissions.";
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> "The store " + where
                    + " is damaged or was written by another H2 version; restore it from a backup.";
            default -> "The store " + where + " cannot be opened: " + firstLine(e.getMessage()) + ".";
        };
        return new StoreException(sentence, e);
    }

    /** The URL without its {@code ;KEY=VALUE} settings (H2) or {@code ?key=value} parameters (PostgreSQL). */
    public static String where(String url) {
        int end = url.length();
        for (char c : new char[] {';', '?', '&'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return url.substring(0, end);
    }

    /**
     * What went wrong, for a sentence: the first line of the database's message and, when something underneath
     * caused it (a full disk under "The database has been closed"), that root cause too, which H2 only chains.
     */
    public static String reason(SQLException e) {
        String said = firstLine(e.getMessage());
        Throwable root = e;
        java.util.Set<Throwable> seen = new java.util.HashSet<>();
        while (seen.add(root)) {
            Throwable next = root.getCause() != null ? root.getCause()
                    : root instanceof SQLException s && s.getNextException() != null ? s.getNextException() : null;
            if (next == null) {
                break;
            }
            root = next;
        }
        if (root == e) {
            return said;
        }
        String cause = firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        return said.contains(cause) ? said : said + " (because: " + cause + ")";
    }

    /** H2 ends its messages with the SQL and "[code-version]"; people need the first line, without them. */
    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.strip().lines().findFirst().orElse("");
        line = line.replaceAll("\\s*\\[\\d+-\\d+]$", "").replaceAll(";?\\s*SQL statement:.*$", "");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
