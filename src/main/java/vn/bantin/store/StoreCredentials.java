package vn.bantin.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The two accounts of a store. The owner (an H2 admin) creates the schema and runs the migrations; the program
 * does everything else as the application user, who may read and write the tables and nothing more: no
 * {@code CREATE ALIAS} (Java code in the database), no {@code FILE_READ}, no {@code SCRIPT}, no DDL. Both
 * passwords are random, made at the store's first opening and kept in the store's credentials file (0600).
 */
public record StoreCredentials(String ownerUser, String ownerPassword, String appUser, String appPassword) {
    public static final String OWNER = "BANTIN_OWNER";
    public static final String APP = "BANTIN";
    /** The user every store was made with before the store had credentials. */
    static final String LEGACY_USER = "SA";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** New random passwords for the owner {@code ownerUser} and the application user. */
    static StoreCredentials generate(String ownerUser) {
        return new StoreCredentials(ownerUser, password(), APP, password());
    }

    private static String password() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Reads the credentials file; one that other users may read is refused, since they may have read it.
     *
     * @throws StoreException naming the file and what to do
     */
    public static StoreCredentials read(Path file) {
        try {
            if (StoreFiles.posix(file)) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (!StoreFiles.PRIVATE_FILE.containsAll(mode)) {
                    throw new StoreException("The store's credentials file " + file + " can be read or written by other users ("
                            + PosixFilePermissions.toString(mode) + "); make it the service user's alone: chmod 600 " + file + ".");
                }
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String[] keys = {"owner.user", "owner.password", "app.user", "app.password"};
            for (String k : keys) {
                if (p.getProperty(k, "").isBlank()) {
                    throw new StoreException("The store's credentials file " + file + " has no " + k
                            + "; restore the file from the backup of the store's folder.");
                }
            }
            return new StoreCredentials(p.getProperty("owner.user").strip(), p.getProperty("owner.password").strip(),
                    p.getProperty("app.user").strip(), p.getProperty("app.password").strip());
        } catch (IOException e) {
            throw new StoreException("The store's credentials file " + file + " cannot be read (" + e.getMessage()
                    + "); check that the command runs as the service's user.", e);
        }
    }

    /**
     * Writes the file unless it exists, through a temporary file that is 0600 from its creation (so that the passwords
     * are never readable by others) and a hard link (so that a file another process made meanwhile is never replaced).
     *
     * @return false when the file existed: another process made it first
     */
    boolean writeNew(Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".new");
        try {
            if (StoreFiles.posix(tmp)) {
                Files.setPosixFilePermissions(tmp, StoreFiles.PRIVATE_FILE);
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                w.write("# The accounts of the bantin store beside this file, made at its first opening. Keep this file readable\n"
                        + "# only by the service's user, and back it up with the store: without it the store cannot be opened.\n"
                        + "owner.user=" + ownerUser + "\nowner.password=" + ownerPassword + "\n"
                        + "app.user=" + appUser + "\napp.password=" + appPassword + "\n");
            }
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The users only: a record's default text would print the passwords. */
    @Override
    public String toString() {
        return "StoreCredentials[owner=" + ownerUser + ", app=" + appUser + "]";
    }
}
