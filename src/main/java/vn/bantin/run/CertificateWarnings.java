package vn.bantin.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which signing certificates the administrator was already warned about today, so that {@code serve}, which runs a
 * batch every few minutes, warns once a day per certificate rather than once per batch. One empty marker file per
 * certificate and day ({@code <fingerprint>-<day>}) in a folder beside the store: creating it is atomic, so of two
 * batches that start together only one warns; yesterday's markers of that certificate are removed then.
 */
final class CertificateWarnings {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateWarnings.class);

    private final Path folder;

    CertificateWarnings(Path folder) {
        this.folder = folder;
    }

    /** True the first time it is asked for {@code fingerprint} on {@code day}; also true when the folder cannot be written. */
    boolean firstToday(String fingerprint, LocalDate day) {
        try {
            Files.createDirectories(folder);
            Files.createFile(folder.resolve(fingerprint + "-" + day));
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            // Better a warning too many than none: the certificate still expires.
            LOG.warn("Cannot record the certificate warning in {}: {}", folder, e.getMessage());
            return true;
        }
        removeOlder(fingerprint, day);
        return true;
    }

    private void removeOlder(String fingerprint, LocalDate day) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, fingerprint + "-*")) {
            for (Path p : old) {
                if (!p.getFileName().toString().equals(fingerprint + "-" + day)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.debug("Old certificate warnings stay in {}: {}", folder, e.getMessage());
        }
    }
}
