package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {

    static final Path TEMPLATES = Path.of("templates");

    @Test
    void readsTheLabelFileAsUtf8() {
        ResourceBundle labels = Labels.load(TEMPLATES, "vi");
        assertEquals("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", labels.getString("header.nation"));
        assertEquals("Đạt", labels.getString("met.yes"));
        assertEquals("Chưa đạt", labels.getString("met.no"));
        assertEquals("; ", labels.getString("list.separator"), "escaped trailing space kept");
    }

    @Test
    void aMissingLabelFileIsNamed(@TempDir Path dir) {
        ReportException e = assertThrows(ReportException.class, () -> Labels.load(dir, "en"));
        assertTrue(e.getMessage().contains(dir.resolve("labels").resolve("bulletin_en.properties").toString()), e.getMessage());
    }

    @Test
    void everyKeyTheTemplatesUseIsInTheLabelFile() throws IOException {
        ResourceBundle labels = Labels.load(TEMPLATES, "vi");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            String xml = Files.readString(template);
            for (String key : matches(xml, "\\$R\\{([^}]+)}")) {
                if (!labels.containsKey(key)) {
                    missing.add(template.getFileName() + ": " + key);
                }
            }
            for (String key : matches(xml, "name=\"bantin\\.sheet\\.name\" value=\"([^\"]+)\"")) {
                if (!labels.containsKey(key)) {
                    missing.add(template.getFileName() + ": " + key);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyLabelIsAValidPatternInNfc() {
        ResourceBundle labels = Labels.load(TEMPLATES, "vi");
        assertAll(Collections.list(labels.getKeys()).stream().map(key -> () -> {
            String value = labels.getString(key);
            assertDoesNotThrow(() -> new MessageFormat(value), key);
            assertEquals(Normalizer.normalize(value, Normalizer.Form.NFC), value, key + " is not NFC");
        }));
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
        }
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
