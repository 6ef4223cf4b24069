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
import java.util.Map;

/** SHA-256 of each export, recorded with a run, so that "which data made this bulletin" has an answer. */
public final class InputChecksums {
    private InputChecksums() {
    }

    public static Map<String, String> of(SourceOptions options) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (SourceFile f : SourceFile.values()) {
            Path path = options.path(f);
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                sums.put(path.getFileName().toString(), HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
        return sums;
    }
}
