package vn.bantin.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run writes into a staging folder beside its final one and swaps it in only when everything is written,
 * so that a failed run never leaves half a set of files under out/&lt;period&gt;/.
 */
final class OutputFolder {
    private final Path target;
    private final Path staging;

    OutputFolder(Path outDir, String periodKey) throws IOException {
        Files.createDirectories(outDir);
        this.target = outDir.resolve(periodKey);
        this.staging = Files.createTempDirectory(outDir, "." + periodKey + ".partial-");
    }

    Path staging() {
        return staging;
    }

    Path target() {
        return target;
    }

    /** Replaces the previous run's folder with the staged one. */
    Path commit() throws IOException {
        return commitAs(target);
    }

    /**
     * Adds what was staged to the run's folder, file by file, replacing files of the same name and keeping the
     * others: a scheduler batch renders only its recipients' bulletins, beside those of the other batches.
     */
    Path merge() throws IOException {
        if (!Files.exists(target)) {
            try {
                return commit();
            } catch (IOException e) {
                // A run of the other bulletin made the folder in the meantime (each holds only its own bulletin's
                // render claim): add the files to it as below.
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(staging.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.move(f, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        delete(staging);
        return target;
    }

    /**
     * Keeps what was staged under another name beside the run's folder (a stopped run's rejects), leaving the
     * last good run's folder as it was.
     */
    Path keepAs(String name) throws IOException {
        return commitAs(target.resolveSibling(name));
    }

    private Path commitAs(Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            delete(old);
        }
        return target;
    }

    void discard() {
        try {
            delete(staging);
        } catch (IOException ignored) {
            // a leftover hidden .partial folder is harmless and named as such
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
