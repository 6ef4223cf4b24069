package vn.bantin.report;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file so that its final name only ever holds a complete file: the content goes to a hidden
 * sibling, is forced to disk and checked, then renamed over the target. A rename within one folder
 * is atomic, so a reader (the mailer, a person) sees the old file or the new one, never half of one.
 */
public final class AtomicFile {

    private static final Logger log = LoggerFactory.getLogger(AtomicFile.class);

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    public interface Check {
        /** Throws when the written file must not be published. */
        void accept(Path written);
    }

    private AtomicFile() {
    }

    /** Writes {@code bytes} as the whole of {@code target}, atomically. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes), written -> { });
    }

    public static void write(Path target, Content content, Check check) {
        write(target, content, check, true);
    }

    /**
     * As {@link #write(Path, Content, Check)}, without forcing the content to disk: for a rendered bulletin, which goes
     * into a run's staging folder that is swapped in whole. Should power fail, a later run renders it again, and what was
     * sent is kept in the store's attachment archive; forcing each of hundreds of files cost a disk flush apiece.
     */
    static void writeRendered(Path target, Content content, Check check) {
        write(target, content, check, false);
    }

    private static void write(Path target, Content content, Check check, boolean force) {
        Path absolute = target.toAbsolutePath();
        // Same folder as the target (a rename across file systems would not be atomic); the process's
        // usual permissions, unlike Files.createTempFile's owner-only ones.
        Path partial = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(absolute.getParent());
            try (FileOutputStream out = new FileOutputStream(partial.toFile())) {
                content.writeTo(out);
                out.flush();
                if (force) {
                    out.getChannel().force(true);
                }
            }
            check.accept(partial);
            try {
                Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ReportException("Cannot write " + absolute + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.warn("Could not delete the partial file {}: {}", partial, e.getMessage());
            }
        }
    }
}
