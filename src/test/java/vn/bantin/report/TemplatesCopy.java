package vn.bantin.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A copy of the project's templates folder that a test may edit or break. */
public final class TemplatesCopy {
    public static final Path TEMPLATES = Path.of("templates");

    private TemplatesCopy() {
    }

    /** Copies every file of templates/ (JRXML, styles, images, labels, email bodies) into {@code to}. */
    public static Path into(Path to) throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(TEMPLATES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
