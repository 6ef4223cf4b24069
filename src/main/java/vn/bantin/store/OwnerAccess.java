package vn.bantin.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import org.flywaydb.core.Flyway;

/**
 * A store reached as the account that owns its schema, without migrating it or opening a pool: what {@code store
 * check} looks at and what {@code store copy} writes with (the application user may neither read Flyway's history
 * nor restart an identity column).
 */
record OwnerAccess(String where, String url, String user, String password) {

    /**
     * The owner's access to the existing store at {@code url}.
     *
     * @throws StoreException when there is no store there yet, or its credentials file cannot be read
     */
    static OwnerAccess of(String url) {
        return existing(url).orElseThrow(() -> new StoreException("There is no store at " + Database.where(url)
                + " yet: run, serve or 'store migrate' makes it."));
    }

    /** The owner's access to the store at {@code url}, or empty when no store is there yet. */
    static Optional<OwnerAccess> existing(String url) {
        String where = Database.where(url);
        Optional<StoreFiles> local = StoreFiles.of(url);
        if (local.isEmpty()) {
            throw new StoreException("The store " + where + " is not a file of this machine, so it has no credentials file"
                    + " beside it; use a file store such as " + Database.DEFAULT_URL + ".");
        }
        StoreFiles files = local.get();
        if (!Files.exists(files.data())) {
            return Optional.empty();
        }
        if (!Files.exists(files.credentials())) {
            throw new StoreException("The store " + where + " was made by an earlier version and has no credentials file"
                    + " yet; run 'store migrate' once with this version to take it over.");
        }
        StoreCredentials c = StoreCredentials.read(files.credentials());
        return Optional.of(new OwnerAccess(where, Database.uninterruptible(Database.durable(url)), c.ownerUser(), c.ownerPassword()));
    }

    /**
     * A connection as the owner, waiting up to {@code wait} for a file another process holds.
     *
     * @throws StoreException with the sentence of {@link Database#opening}
     */
    Connection connect(Duration wait) {
        try {
            return Database.connect(Database.withSessionTimeouts(url, wait), user, password, wait);
        } catch (SQLException e) {
            throw Database.opening(where, user, wait, e);
        }
    }

    /** Flyway on this store, with the migrations of this build; use it while a {@link #connect} connection is open. */
    Flyway flyway() {
        return Flyway.configure()
                .dataSource(Database.withSessionTimeouts(url, Database.DEFAULT_WAIT), user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .ignoreMigrationPatterns("*:pending", "*:future", "*:missing")
                .load();
    }

    /** The password stays out of any text. */
    @Override
    public String toString() {
        return "OwnerAccess[" + where + ", " + user + "]";
    }
}
