package vn.bantin.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the store is and how to log in to it.
 *
 * <p>An H2 store ({@code jdbc:h2:…}) has its accounts in the credentials file beside it, so {@code user} is null. A
 * PostgreSQL store ({@code jdbc:postgresql://host:port/db}) is opened as {@code user}, with the password read from
 * the environment variable named {@code passwordEnv} (unset: no password, for a server that trusts the user). The
 * password itself is never held here, so that no {@code toString} can print it.
 *
 * @param archive the folder of the attachment archive, or null for the default ({@link #archiveFolder()})
 */
public record StoreAddress(String url, String user, String passwordEnv, Path archive) {
    /** The variable {@code store.password-env} names by default. */
    public static final String DEFAULT_PASSWORD_VARIABLE = "BANTIN_STORE_PASSWORD";
    static final String POSTGRESQL = "jdbc:postgresql:";

    public StoreAddress {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a store URL is needed");
        }
        if (user != null && user.isBlank()) {
            user = null;
        }
        if (passwordEnv == null || passwordEnv.isBlank()) {
            passwordEnv = DEFAULT_PASSWORD_VARIABLE;
        }
    }

    /** An H2 store at {@code url}, its archive in the default place. */
    public static StoreAddress of(String url) {
        return new StoreAddress(url, null, DEFAULT_PASSWORD_VARIABLE, null);
    }

    /** True for a database server (PostgreSQL), which many processes and machines share; false for H2. */
    public boolean isServer() {
        return isServer(url);
    }

    static boolean isServer(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(POSTGRESQL);
    }

    /** The same login and archive with another URL (the command line's {@code --store}). */
    public StoreAddress withUrl(String other) {
        // An H2 store has no user of its own: store.user of a PostgreSQL config does not follow --store to H2.
        return new StoreAddress(other, isServer(other) ? user : null, passwordEnv, archive);
    }

    /** The same store as {@code other} (the command line's {@code --store-user}); only a PostgreSQL store has users. */
    public StoreAddress withUser(String other) {
        if (!isServer()) {
            throw new IllegalArgumentException("--store-user is for a PostgreSQL store; the H2 store " + where()
                    + " keeps its accounts in the credentials file beside it: leave --store-user out.");
        }
        return new StoreAddress(url, other, passwordEnv, archive);
    }

    /**
     * The archive folder: {@code store.archive} when set; otherwise {@code archive} beside an H2 file store, and
     * {@code ./var/archive} for any other store.
     */
    public Path archiveFolder() {
        return archive != null ? archive : AttachmentArchive.folderFor(url);
    }

    /** The password from the environment ({@code System::getenv}), if the variable is set. */
    Optional<String> password(UnaryOperator<String> environment) {
        return Optional.ofNullable(environment.apply(passwordEnv));
    }

    /** Where the store is, as told to people: without settings or parameters, which may carry a password. */
    public String where() {
        return Database.where(url);
    }

    @Override
    public String toString() {
        return where() + (user == null ? "" : " as " + user);
    }
}
