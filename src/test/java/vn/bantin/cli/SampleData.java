package vn.bantin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of the bundled 2022 sample, for tests that break or change it. */
final class SampleData {
    static final Path SAMPLE = Path.of("data/sample/2022");

    private SampleData() {
    }

    static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    static void append(Path file, String lines) throws IOException {
        Files.writeString(file, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }
}
