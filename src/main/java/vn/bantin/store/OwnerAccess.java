package vn.bantin.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.flywaydb.core.Flyway;

/**
 * A store reached as the account that owns its schema, without migrating it or opening a pool: what {@code store
 * check} looks at and what {@code store copy} writes with (H2's application user may neither read Flyway's history
 * nor restart an identity column). For H2 that is the owner of the credentials file; for PostgreSQL, store.user.
 */
final class OwnerAccess {
    private final StoreAddress address;
    private final String url;
    private final String user;
    private final Properties login;
    /** H2's application user, which the program's pool logs in as; null for PostgreSQL, whose one user is the owner. */
    private final StoreCredentials h2;

    private OwnerAccess(StoreAddress address, String url, String user, Properties login, StoreCredentials h2) {
        this.address = address;
        this.url = url;
        this.user = user;
        this.login = login;
        this.h2 = h2;
    }

    /**
     * The owner's access to the existing store at {@code address}.
     *
     * @throws StoreException when there is no store there yet, or its credentials cannot be read
     */
    static OwnerAccess of(StoreAddress address) {
        return existing(address).orElseThrow(() -> new StoreException("There is no store at " + address.where()
                + " yet: run, serve or 'store migrate' makes it."));
    }

    /**
     * The owner's access to the store at {@code address}, or empty when it is an H2 file that is not there yet (a
     * PostgreSQL database is made by its administrator, and connecting says whether it exists).
     */
    static Optional<OwnerAccess> existing(StoreAddress address) {
        String where = address.where();
        if (address.isServer()) {
            if (address.user() == null) {
                throw new StoreException("The store " + where + " is a PostgreSQL database and needs its user: set store.user"
                        + " (or --to-user for a copy's target) to the user that owns that database.");
            }
            PostgresStore.refuseSecretsInUrl(address.url(), where);
            Properties login = PostgresStore.connectionProperties(address, address.password(System::getenv), Database.DEFAULT_WAIT);
            return Optional.of(new OwnerAccess(address, address.url(), address.user(), login, null));
        }
        Optional<StoreFiles> local = StoreFiles.of(address.url());
        if (local.isEmpty()) {
            throw new StoreException("The store " + where + " is not a file of this machine, so it has no credentials file"
                    + " beside it; use a file store such as " + Database.DEFAULT_URL + " or a PostgreSQL database.");
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
        Properties login = new Properties();
        login.setProperty("user", c.ownerUser());
        login.setProperty("password", c.ownerPassword());
        String url = Database.withSessionTimeouts(Database.uninterruptible(Database.durable(address.url())), Database.DEFAULT_WAIT);
        return Optional.of(new OwnerAccess(address, url, c.ownerUser(), login, c));
    }

    String where() {
        return address.where();
    }

    boolean isServer() {
        return address.isServer();
    }

    /**
     * A connection as the owner, waiting up to {@link Database#DEFAULT_WAIT} for an H2 file another process holds.
     *
     * @throws StoreException with the sentence of a refused or failed opening
     */
    Connection connect() {
        try {
            if (address.isServer()) {
                return new org.postgresql.Driver().connect(url, login);
            }
            return Database.connect(url, login.getProperty("user"), login.getProperty("password"), Database.DEFAULT_WAIT);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * A connection as H2's application user, as the program's pool makes them; empty for PostgreSQL. Made while a
     * {@link #connect} connection holds the file.
     *
     * @throws SQLException when the store refuses that user (its password or rights were changed)
     */
    Optional<Connection> connectAsApplication() throws SQLException {
        if (h2 == null) {
            return Optional.empty();
        }
        String appUrl = Database.withSessionTimeouts(Database.uninterruptible(Database.withoutSetting(address.url(), "WRITE_DELAY")),
                Database.DEFAULT_WAIT);
        return Optional.of(Database.connect(appUrl, h2.appUser(), h2.appPassword(), Database.DEFAULT_WAIT));
    }

    String applicationUser() {
        return h2 == null ? user : h2.appUser();
    }

    StoreException failed(SQLException e) {
        return address.isServer() ? PostgresStore.opening(address, address.password(System::getenv).isPresent(), e)
                : Database.opening(address.where(), user, Database.DEFAULT_WAIT, e);
    }

    /** Flyway on this store, with this build's migrations; for H2 use it while a {@link #connect} connection is open. */
    Flyway flyway() {
        Map<String, String> properties = new HashMap<>();
        login.stringPropertyNames().forEach(k -> properties.put(k, login.getProperty(k)));
        return Flyway.configure()
                .dataSource(url, login.getProperty("user"), login.getProperty("password"))
                .jdbcProperties(properties)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .ignoreMigrationPatterns("*:pending", "*:future", "*:missing")
                .load();
    }

    /** The password stays out of any text. */
    @Override
    public String toString() {
        return "OwnerAccess[" + address.where() + ", " + user + "]";
    }
}
