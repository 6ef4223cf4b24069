package vn.bantin.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A second process for {@link StoreAccessTest}, as a local user without the credentials would try the store with H2's
 * own tools: connects to {@code args[0]} as {@code args[1]} with password {@code args[2]} and prints "connected" or
 * H2's error code.
 */
public final class TryStore {
    private TryStore() {
    }

    public static void main(String[] args) {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            System.out.println("connected");
        } catch (SQLException e) {
            System.out.println("refused " + e.getErrorCode());
        }
    }
}
