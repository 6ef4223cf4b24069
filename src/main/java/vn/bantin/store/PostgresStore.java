package vn.bantin.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A store on a PostgreSQL server: a HikariCP pool (it validates connections and replaces those a restarted server
 * dropped) of connections as the configured user, who owns bantin's database; Flyway brings the schema up to date as
 * that user, under PostgreSQL's advisory lock, so two nodes starting at once migrate once. There is no second
 * account as for H2: what the database's owner may do is PostgreSQL's to limit.
 *
 * <p>No call waits forever: connecting gives up after {@link #CONNECT_TIMEOUT}, a statement is cancelled by the
 * server after {@link Database#QUERY_TIMEOUT} and a row lock waited for as long as the opening's wait; a server that
 * stops answering altogether is given up by the socket timeout, a little after the statement timeout.
 */
final class PostgresStore {
    static final int MAX_CONNECTIONS = 10;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Database.QUERY_TIMEOUT.plusSeconds(30);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(5);

    private PostgresStore() {
    }

    record Opened(HikariDataSource pool) {
    }

    static Opened open(StoreAddress address, Duration wait, UnaryOperator<String> environment) {
        String where = address.where();
        refuseSecretsInUrl(address.url(), where);
        if (address.user() == null) {
            throw new StoreException("The store " + where + " is a PostgreSQL database and needs its user: set store.user"
                    + " in bantin.properties to the user that owns that database.");
        }
        Optional<String> password = address.password(environment);
        Properties props = connectionProperties(address, password, wait);
        // One connection first, outside the pool, so that a refusal is told at once and as what it is.
        try (Connection probe = new org.postgresql.Driver().connect(address.url(), props)) {
            if (probe == null) {
                throw new StoreException("The store URL " + where + " is not a PostgreSQL URL; write it as"
                        + " jdbc:postgresql://host:5432/bantin.");
            }
        } catch (SQLException e) {
            throw opening(address, password.isPresent(), e);
        }
        HikariDataSource pool = new HikariDataSource(poolConfig(address, props, wait));
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load();
            refuseNewerSchema(flyway, where);
            flyway.migrate();
            return new Opened(pool);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("The store " + where + " could not be brought to this version's schema: "
                    + Database.firstLine(e.getMessage()) + "; restore the database of this version or run the matching"
                    + " version of bantin.", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Flyway lets a schema newer than its migrations pass; on a shared server that is a node of an older version
     * beside newer ones, which would read and write tables it does not know: it stops instead.
     */
    private static void refuseNewerSchema(Flyway flyway, String where) {
        String newer = null;
        String ours = "";
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() == null) {
                continue;
            }
            if (m.getState().name().startsWith("FUTURE")) {
                newer = m.getVersion().getVersion();
            } else {
                ours = m.getVersion().getVersion();
            }
        }
        if (newer != null) {
            throw new StoreException("The store " + where + " has the schema of a newer bantin (version " + newer
                    + "; this one knows up to " + ours + "); run the newer version on this machine too.");
        }
    }

    /** The driver's settings for every connection; the password goes here, never into the URL or a message. */
    static Properties connectionProperties(StoreAddress address, Optional<String> password, Duration wait) {
        Properties p = new Properties();
        p.setProperty("user", address.user());
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        p.setProperty("loginTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        p.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "bantin");
        // Session settings from the start: a statement ends after QUERY_TIMEOUT, a row lock is waited for `wait`.
        p.setProperty("options", "-c statement_timeout=" + Database.QUERY_TIMEOUT.toMillis()
                + " -c lock_timeout=" + Math.max(1, wait.toMillis()) + " -c TimeZone=UTC");
        return p;
    }

    private static HikariConfig poolConfig(StoreAddress address, Properties props, Duration wait) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("bantin-store");
        c.setDriverClassName(org.postgresql.Driver.class.getName());
        c.setJdbcUrl(address.url());
        c.setDataSourceProperties(props);
        c.setMaximumPoolSize(MAX_CONNECTIONS);
        c.setMinimumIdle(1);
        c.setConnectionTimeout(Math.max(250, wait.toMillis()));
        c.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        c.setInitializationFailTimeout(-1); // the probe connection has already told what is wrong
        return c;
    }

    /**
     * A password in the URL would be shown wherever the URL is (ps, logs, the config file others read); a user there
     * would be a second place for store.user. Neither is shown back.
     */
    static void refuseSecretsInUrl(String url, String where) {
        int query = url.indexOf('?');
        String parameters = query < 0 ? "" : url.substring(query + 1).toLowerCase(Locale.ROOT);
        for (String parameter : parameters.split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')).strip() : parameter.strip();
            if (name.equals("password")) {
                throw new StoreException("The store URL " + where + " carries a password; remove it from the URL (it is"
                        + " not shown here) and put it in the environment variable named by store.password-env (default "
                        + StoreAddress.DEFAULT_PASSWORD_VARIABLE + ").");
            }
            if (name.equals("user")) {
                throw new StoreException("The store URL " + where + " carries a user; remove it and set store.user instead.");
            }
        }
        String afterSlashes = url.startsWith(StoreAddress.POSTGRESQL + "//") ? url.substring(StoreAddress.POSTGRESQL.length() + 2) : "";
        int slash = afterSlashes.indexOf('/');
        if ((slash < 0 ? afterSlashes : afterSlashes.substring(0, slash)).contains("@")) {
            throw new StoreException("The store URL " + where.replaceAll("//[^/]*@", "//…@") + " carries a login before"
                    + " the host; remove it, set store.user, and put the password in the environment variable named by"
                    + " store.password-env.");
        }
    }

    /** The host and port of the URL, for a sentence; the URL itself if it cannot be read. */
    private static String hostPort(String url) {
        try {
            URI u = URI.create(Database.where(url).substring("jdbc:".length()));
            return (u.getHost() == null ? "localhost" : u.getHost()) + ":" + (u.getPort() < 0 ? 5432 : u.getPort());
        } catch (IllegalArgumentException e) {
            return Database.where(url);
        }
    }

    private static String databaseName(String url) {
        String w = Database.where(url);
        int slash = w.lastIndexOf('/');
        return slash < 0 || slash == w.length() - 1 ? "bantin" : w.substring(slash + 1);
    }

    static StoreException opening(StoreAddress address, boolean hadPassword, SQLException e) {
        String where = address.where();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String said = Database.firstLine(e.getMessage());
        String variable = StoreAddress.DEFAULT_PASSWORD_VARIABLE.equals(address.passwordEnv())
                ? StoreAddress.DEFAULT_PASSWORD_VARIABLE : "the environment variable named by store.password-env";
        String hostPort = hostPort(address.url());
        String sentence;
        if (state.equals("28P01") || state.equals("28000")
                || (!hadPassword && said.toLowerCase(Locale.ROOT).contains("password"))) {
            sentence = "The store " + where + " refused user '" + address.user() + "' (" + said + "); "
                    + (hadPassword ? "check the password in " + variable + " and store.user"
                            : "set " + variable + " to that user's password (it is not set, which only a server that trusts"
                            + " the user accepts)") + ".";
        } else if (state.equals("3D000")) {
            String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
            String port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
            sentence = "The store " + where + " does not exist on its server; create it with createdb -h " + host + " -p "
                    + port + " -O " + address.user() + " " + databaseName(address.url()) + " (as a user that may create"
                    + " databases), then start again.";
        } else if (state.startsWith("08")) {
            sentence = "The store " + where + " cannot be reached (" + said + "); check that PostgreSQL runs and accepts"
                    + " connections on " + hostPort + " and that no firewall is in the way.";
        } else if (state.equals("42501")) {
            sentence = "The store " + where + " refused user '" + address.user() + "' (" + said + "); that user must own"
                    + " bantin's database (createdb -O " + address.user() + " …).";
        } else {
            sentence = "The store " + where + " cannot be opened: " + said + ".";
        }
        return new StoreException(sentence, e);
    }
}
