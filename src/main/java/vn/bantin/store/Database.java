package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The store: a pool of connections to one database whose schema is brought up to date by the migrations of
 * {@code db/migration} when it is opened.
 *
 * <p>The default is an H2 file under {@code var/}, opened with {@code AUTO_SERVER=TRUE}: the first process to
 * open it (the service, say) owns the file and starts a small TCP server for it; a second process (the CLI while
 * the service runs) finds that server's address in the lock file and goes through it, so both can use the store
 * at once. {@code AUTO_RECONNECT=TRUE} lets the connections of the second process survive the first one's exit
 * (one of them takes the file over). That server listens on a random port of every interface and only answers
 * those who give the database's random id (kept in the lock file, next to the data) and its user and password.
 *
 * <p>The pool is H2's own {@link JdbcConnectionPool}: the store needs a handful of connections to a local file,
 * which it gives with no further dependency and no threads of its own. A server database (PostgreSQL) would want
 * a pool that checks connections and reconnects (HikariCP); {@link #open} refuses other URLs until then.
 */
public final class Database implements AutoCloseable {
    /** A file under {@code var/} of the working folder, shared between processes through H2's automatic mixed mode. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./var/bantin;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
    public static final String DEFAULT_USER = "sa";
    private static final String H2 = "jdbc:h2:";
    private static final int MAX_CONNECTIONS = 8;
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private final JdbcConnectionPool pool;
    private final String where;

    private Database(JdbcConnectionPool pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    /** Opens the store with the default user and no password. */
    public static Database open(String url) {
        return open(url, DEFAULT_USER, "");
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

    /**
     * Opens the store at {@code url} and applies the migrations it lacks.
     *
     * @throws StoreException when the database is held by another process, refuses the user, cannot be read or
     *                        written, or has a schema this version cannot use; the message says which and what to do
     */
    public static Database open(String url, String user, String password) {
        String where = where(url);
        if (!url.startsWith(H2)) {
            throw new StoreException("The store URL " + where + " is not supported: this version keeps its store in H2"
                    + " (a URL that starts with jdbc:h2:, such as " + DEFAULT_URL + ").");
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(uninterruptible(durable(url)), user,
                password == null ? "" : password);
        pool.setMaxConnections(MAX_CONNECTIONS);
        pool.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try {
            // Connect once before Flyway does, so that a lock or a refused user is reported as such.
            try (Connection c = pool.getConnection()) {
                c.isValid(LOGIN_TIMEOUT_SECONDS);
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return new Database(pool, where);
        } catch (SQLException e) {
            pool.dispose();
            throw opening(where, user, e);
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("The store " + where + " could not be brought to this version's schema: "
                    + firstLine(e.getMessage()) + "; restore the database of this version or run the matching version of bantin.", e);
        }
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
        pool.dispose();
    }

    static StoreException opening(String where, String user, SQLException e) {
        String sentence = switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "The store " + where + " is in use by another process; stop that process,"
                    + " or open the store with AUTO_SERVER=TRUE in its URL (as the default does) so that both can use it.";
            case ErrorCode.WRONG_USER_OR_PASSWORD -> "The store " + where + " refused user '" + user
                    + "': wrong user name or password.";
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

    /** The URL without its {@code ;KEY=VALUE} settings. */
    static String where(String url) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? url : url.substring(0, semicolon);
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
