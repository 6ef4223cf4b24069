package vn.bantin.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a store kept in a local H2 file, named after it: {@code var/bantin} has its data in
 * {@code var/bantin.mv.db}, its credentials in {@code var/bantin.credentials} and, while serve runs, the service's
 * socket in {@code var/bantin.sock}. All of them, and the folder, are the service user's alone: the data holds the
 * ledger, the credentials open it, and whoever can write to the socket can ask serve to send.
 */
public record StoreFiles(Path base) {
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final String H2 = "jdbc:h2:";

    /** The files of the store at {@code url}, when it is a file on this machine's default file system. */
    public static Optional<StoreFiles> of(String url) {
        if (!url.startsWith(H2)) {
            return Optional.empty();
        }
        String name = url.substring(H2.length());
        int semicolon = name.indexOf(';');
        String path = semicolon < 0 ? name : name.substring(0, semicolon);
        for (String prefix : new String[] {"file:", "nio:", "async:"}) {
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
                break;
            }
        }
        if (path.indexOf(':') >= 2 || path.isEmpty()) {
            return Optional.empty(); // mem:, tcp:, ssl:, split:, zip:… (a colon at 1 is a Windows drive)
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(new StoreFiles(Path.of(path)));
    }

    public Path folder() {
        Path parent = base.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    public Path data() {
        return sibling(".mv.db");
    }

    public Path credentials() {
        return sibling(".credentials");
    }

    /** The Unix-domain socket through which a running serve answers trigger, history and schedule. */
    public Path socket() {
        return sibling(".sock");
    }

    private Path sibling(String suffix) {
        return folder().resolve(base.getFileName() + suffix);
    }

    /** Creates the folder if need be and makes it the service user's alone (0700), on a POSIX file system. */
    void secureFolder() throws IOException {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        if (posix(folder)) {
            Files.setPosixFilePermissions(folder, PRIVATE_FOLDER);
        }
    }

    /**
     * Makes every file of the store 0600. H2 creates its files with the process's umask; the folder (0700) already
     * keeps others out, this keeps them out too when the store is copied or its folder opened up.
     */
    public void secureFiles() throws IOException {
        Path folder = folder();
        if (!posix(folder)) {
            return;
        }
        String prefix = base.getFileName() + ".";
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith(prefix))::iterator) {
                if (!Files.isDirectory(f) && !Files.isSymbolicLink(f)) {
                    Files.setPosixFilePermissions(f, PRIVATE_FILE);
                }
            }
        }
    }

    static boolean posix(Path p) throws IOException {
        return Files.getFileStore(p).supportsFileAttributeView("posix");
    }
}
