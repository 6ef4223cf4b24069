package vn.bantin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** All the console's wording is in its label files: both languages have every key the pages use. */
class ConsoleLabelsTest {
    private static final Path TEMPLATES = Path.of("templates");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> vi = new TreeSet<>(ConsoleLabels.read(TEMPLATES, "vi").stringPropertyNames());
        Set<String> en = new TreeSet<>(ConsoleLabels.read(TEMPLATES, "en").stringPropertyNames());
        assertEquals(vi, en);
    }

    @Test
    void everyKeyThePagesNameIsInTheLabels() throws IOException {
        Set<String> vi = ConsoleLabels.read(TEMPLATES, "vi").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile("v\\.t\\(\"([a-zA-Z.]+)\"");
        try (Stream<Path> pages = Files.list(Path.of("src/main/jte"))) {
            for (Path page : pages.toList()) {
                Matcher m = key.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !vi.contains(m.group(1))) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from console_vi.properties: " + missing);
    }

    @Test
    void wordsAreVietnameseByDefaultAndEnglishOnRequest() {
        ConsoleLabels labels = ConsoleLabels.load(TEMPLATES);
        assertEquals("Đăng nhập", labels.get(null, "login.title"));
        assertEquals("Sign in", labels.get("en", "login.title"));
        assertEquals("Đã nhập sai mật khẩu quá nhiều lần; vui lòng thử lại sau 31 giây.", labels.get("vi", "login.throttled", 31));
    }
}
