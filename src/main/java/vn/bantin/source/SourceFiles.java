package vn.bantin.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What may be read as an export: a regular file (or a link to one), never a pipe or a device. */
final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * Refuses a named pipe, a device, a socket or a folder before it is opened: opening a pipe waits for a writer
     * that may never come, and a device such as /dev/zero never ends. A missing file is left to the reader, whose
     * message names the platform the export comes from.
     */
    static void requireRegular(Path path) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new SourceException(path.getFileName() + ": cannot be read (" + e.getMessage() + ")");
        }
        if (a.isRegularFile()) {
            return;
        }
        String what = a.isDirectory() ? "a folder" : "a named pipe, device or socket, which would be read forever";
        throw new SourceException(path.getFileName() + ": not a file but " + what + " (in " + path.toAbsolutePath().getParent()
                + "); put the export itself there as a regular file");
    }
}
