package vn.bantin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store a test uses, of the kind the build asks for ({@code -Dbantin.test.store=h2|postgresql}, or the environment
 * variable {@code BANTIN_TEST_STORE}), else of the kind the machine offers: a PostgreSQL database of the test's own
 * when a server answers on 127.0.0.1:5432 (or when {@code BANTIN_REQUIRE_POSTGRES=1} says one must), dropped when the
 * test ends ({@link TestStoreCleanup}); H2 in the test's temporary folder on a machine without one. {@code other} (the
 * second surefire execution) is the kind the first did not use. Tests about H2 itself use {@link #url(Path)}, which is
 * always H2.
 */
public final class TestStores {
    /** The system property that makes the tests' stores PostgreSQL databases: {@code -Dbantin.test.store=postgresql}. */
    public static final String KIND_PROPERTY = "bantin.test.store";
    /** The environment variable that does the same where no system property is given (CI, an IDE, a shell). */
    public static final String KIND_VARIABLE = "BANTIN_TEST_STORE";

    /** The PostgreSQL database of each folder a test asked a store for, until {@link TestStoreCleanup} drops it. */
    private static final Map<Path, TestPostgres> BY_FOLDER = new LinkedHashMap<>();

    private TestStores() {
    }

    /** The kind of this JVM's stores, decided once: the server's answer does not change in the middle of a run. */
    private static String kind;

    /**
     * {@code h2} or {@code postgresql}: the system property, else the environment variable; when neither names one
     * ({@code auto}, or {@code other} for the second execution's opposite), PostgreSQL when the machine has a server
     * (or must have one), else H2.
     */
    public static synchronized String kind() {
        if (kind == null) {
            String property = System.getProperty(KIND_PROPERTY);
            String asked = property != null && !property.isBlank() ? property.strip() : System.getenv(KIND_VARIABLE);
            asked = asked == null || asked.isBlank() ? "auto" : asked.strip();
            kind = switch (asked) {
                case "h2", "postgresql" -> asked;
                case "auto" -> machineKind();
                case "other" -> machineKind().equals("postgresql") ? "h2" : "postgresql";
                default -> throw new IllegalArgumentException("-D" + KIND_PROPERTY + " or " + KIND_VARIABLE + " is '" + asked
                        + "': expected h2, postgresql, auto or other");
            };
        }
        return kind;
    }

    /** PostgreSQL when the tests must have it or a server answers (within 5 s), else H2. */
    private static String machineKind() {
        if (TestPostgres.required()) {
            return "postgresql";
        }
        try (Connection c = TestPostgres.admin("postgres")) {
            return "postgresql";
        } catch (SQLException noServer) {
            return "h2";
        }
    }

    /** True when the tests' stores are PostgreSQL databases. */
    public static boolean onPostgres() {
        return kind().equals("postgresql");
    }

    /**
     * The store of the test folder {@code dir}: H2 in {@code dir} ({@link #url(Path)}), or the PostgreSQL database
     * made for {@code dir} at its first asking (the same one each time), its attachment archive in {@code dir}.
     */
    public static synchronized StoreAddress in(Path dir) {
        if (!onPostgres()) {
            return StoreAddress.of(url(dir));
        }
        Path key = dir.toAbsolutePath().normalize();
        TestPostgres pg = BY_FOLDER.get(key);
        if (pg == null) {
            pg = TestStoreCleanup.track(TestPostgres.createMigrated());
            BY_FOLDER.put(key, pg);
        }
        return new StoreAddress(pg.url(), TestPostgres.ADMIN, StoreAddress.DEFAULT_PASSWORD_VARIABLE, key.resolve("archive"));
    }

    /** Forgets the folders of {@code dropped}, so that a later test in the same folder gets a new database. */
    static synchronized void forget(TestPostgres dropped) {
        BY_FOLDER.values().removeIf(pg -> pg == dropped);
    }

    /** {@link #in(Path)}'s URL, for {@code --store} and for a test that compares what the program printed. */
    public static String urlIn(Path dir) {
        return in(dir).url();
    }

    /** The lines of bantin.properties that point a config at {@link #in(Path)}: store.url, and on PostgreSQL store.user and store.archive. */
    public static String properties(Path dir) {
        StoreAddress a = in(dir);
        return "store.url=" + a.url() + "\n"
                + (a.user() == null ? "" : "store.user=" + a.user() + "\nstore.archive=" + a.archive() + "\n");
    }

    /**
     * {@code args} of a command, with {@code --store-user postgres} after a PostgreSQL {@code --store} that has no
     * user: a test's {@code --store} {@link #urlIn(Path)} then works on either kind of store.
     */
    public static String[] withStoreUser(String... args) {
        java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(args));
        int store = words.indexOf("--store");
        if (store >= 0 && store + 1 < words.size() && StoreAddress.isServer(words.get(store + 1)) && !words.contains("--store-user")) {
            words.addAll(store + 2, java.util.List.of("--store-user", TestPostgres.ADMIN));
        }
        return words.toArray(String[]::new);
    }

    /** Opens {@link #in(Path)} as the program does. */
    public static Database open(Path dir) {
        return Database.open(in(dir));
    }

    /**
     * A new, empty store: H2 in {@code dir} by default, a new PostgreSQL database (dropped on {@link Fresh#close()})
     * when the tests run on PostgreSQL.
     */
    public static Fresh fresh(Path dir) {
        if (!onPostgres()) {
            return new Fresh(StoreAddress.of(url(dir)), null);
        }
        TestPostgres pg = TestPostgres.create();
        return new Fresh(pg.address(), pg);
    }

    /** A store for one test; closing drops it if it is a PostgreSQL database (an H2 one goes with its folder). */
    public record Fresh(StoreAddress address, TestPostgres server) implements AutoCloseable {
        public Database open() {
            return Database.open(address);
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * A connection as the store's owner, with the credentials file of the store in {@code dir}: for a test to look
     * at what the application user may not (Flyway's history) or to make what it may not (a table).
     */
    public static Connection asOwner(Path dir) throws SQLException {
        StoreCredentials c = StoreCredentials.read(dir.resolve("bantin.credentials"));
        // as Database opens it (through async:), so that this JVM shares the open database rather than finding it locked
        return DriverManager.getConnection("jdbc:h2:async:" + dir.resolve("bantin").toAbsolutePath(), c.ownerUser(), c.ownerPassword());
    }

    /** A connection that may read every table of {@link #in(Path)}: its owner's on H2 ({@link #asOwner}), postgres's on PostgreSQL. */
    public static Connection lookInto(Path dir) throws SQLException {
        if (!onPostgres()) {
            return asOwner(dir);
        }
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", TestPostgres.ADMIN);
        return DriverManager.getConnection(urlIn(dir), p);
    }

    /** Like {@link Database#DEFAULT_URL}, in {@code dir}: always H2, for the tests about H2 itself. */
    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("bantin").toAbsolutePath();
    }
}
