package vn.bantin.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 of each export, and of each other file that changes the figures (official-766.csv, unit-changes.csv, the
 * working-day calendar), recorded with a run, so that "which data made this bulletin" has an answer.
 */
public final class InputChecksums {
    /**
     * Recorded for an optional file that was not there: a file that appears later changes the figures as much as one
     * that was edited, and is told apart from a run recorded before the file was recorded at all (no entry).
     */
    public static final String ABSENT = "absent";

    private InputChecksums() {
    }

    /** The five exports' checksums, by file name. */
    public static Map<String, String> of(SourceOptions options) {
        return of(options, Map.of());
    }

    /** The exports' checksums, and those of {@code optional} (recorded name → file), {@link #ABSENT} for a missing one. */
    public static Map<String, String> of(SourceOptions options, Map<String, Path> optional) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (SourceFile f : SourceFile.values()) {
            Path path = options.path(f);
            sums.put(path.getFileName().toString(), sha256(path));
        }
        optional.forEach((name, path) -> sums.put(name, Files.isRegularFile(path) ? sha256(path) : ABSENT));
        return sums;
    }

    /**
     * The names of {@code recorded} whose file is not as it was ({@code now}: the same files' checksums today),
     * sorted; a name recorded by none ({@code now} lacks it) counts as absent now.
     */
    public static List<String> changed(Map<String, String> recorded, Map<String, String> now) {
        return recorded.entrySet().stream().filter(e -> !e.getValue().equals(now.getOrDefault(e.getKey(), ABSENT)))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static String sha256(Path path) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
