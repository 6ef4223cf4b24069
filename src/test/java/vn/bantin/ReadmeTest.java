package vn.bantin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The README travels with the repository: it names no file outside it (a reader of a clone has none of them). */
class ReadmeTest {
    private static final Pattern OUTSIDE = Pattern.compile("(^|[\\s`(\\[])(\\.\\./|/work/|~/)");

    @Test
    void pointsAtNothingOutsideTheRepository() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> outside = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (OUTSIDE.matcher(lines.get(i)).find()) {
                outside.add("README.md:" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        assertEquals(List.of(), outside);
    }
}
