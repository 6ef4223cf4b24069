package vn.bantin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Store URLs in a test's temporary folder, in the default's form. */
public final class TestStores {
    private TestStores() {
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
