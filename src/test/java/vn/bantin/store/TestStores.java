package vn.bantin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Store URLs in a test's temporary folder, in the default's form; or a fresh store of the kind the build asks for. */
public final class TestStores {
    /** The system property that makes {@link #fresh} give PostgreSQL stores: {@code -Dbantin.test.store=postgresql}. */
    public static final String KIND_PROPERTY = "bantin.test.store";

    private TestStores() {
    }

    /**
     * A new, empty store: H2 in {@code dir} by default, a new PostgreSQL database (dropped on {@link Fresh#close()})
     * when the build runs with {@code -Dbantin.test.store=postgresql}.
     */
    public static Fresh fresh(Path dir) {
        String kind = System.getProperty(KIND_PROPERTY, "h2");
        return switch (kind) {
            case "h2" -> new Fresh(StoreAddress.of(url(dir)), null);
            case "postgresql" -> {
                TestPostgres pg = TestPostgres.create();
                yield new Fresh(pg.address(), pg);
            }
            default -> throw new IllegalArgumentException("-D" + KIND_PROPERTY + "=" + kind + ": expected h2 or postgresql");
        };
    }

    /** True when {@link #fresh} gives PostgreSQL stores. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(KIND_PROPERTY));
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

    /** Like {@link Database#DEFAULT_URL}, in {@code dir}. */
    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("bantin").toAbsolutePath();
    }
}
