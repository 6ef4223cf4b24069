package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The wording form changes the texts it is given and not one other byte of the label file. */
class PropertiesTextTest {
    private static final String FILE = """
            # Wording of the bulletin.

            # The title, in capitals
            report.title = BẢN TIN CHUYỂN ĐỔI SỐ
            ! an old-style comment
            list.tieLast=\\u0020và\\u0020
            long.text = first part \\
                second part
            met.yes: Đạt
            """;

    @Test
    void entriesComeInFileOrderWithTheirCommentsAndTexts() {
        List<PropertiesText.Entry> entries = PropertiesText.parse(FILE).entries();
        assertEquals(List.of("report.title", "list.tieLast", "long.text", "met.yes"), entries.stream().map(PropertiesText.Entry::key).toList());
        assertEquals(new PropertiesText.Entry("report.title", "BẢN TIN CHUYỂN ĐỔI SỐ", "The title, in capitals", 4), entries.get(0));
        assertEquals(" và ", entries.get(1).text());
        assertEquals("an old-style comment", entries.get(1).comment());
        assertEquals("first part second part", entries.get(2).text());
    }

    @Test
    void aChangeReplacesOnlyItsOwnLines() {
        String changed = PropertiesText.parse(FILE).with(Map.of("long.text", "một dòng\nhai dòng", "list.tieLast", " hoặc "));
        assertEquals(FILE.replace("list.tieLast=\\u0020và\\u0020", "list.tieLast=\\u0020hoặc\\u0020")
                .replace("long.text = first part \\\n    second part", "long.text = một dòng\\nhai dòng"), changed);
        Properties read = load(changed);
        assertEquals(" hoặc ", read.getProperty("list.tieLast"));
        assertEquals("một dòng\nhai dòng", read.getProperty("long.text"));
        assertEquals("Đạt", read.getProperty("met.yes"));
    }

    @Test
    void backslashesAndWindowsLineEndsSurvive() {
        String crlf = FILE.replace("\n", "\r\n");
        String changed = PropertiesText.parse(crlf).with(Map.of("met.yes", "C:\\thư mục\\Đạt #1"));
        assertEquals(crlf.replace("met.yes: Đạt", "met.yes: C:\\\\thư mục\\\\Đạt #1"), changed);
        assertEquals("C:\\thư mục\\Đạt #1", load(changed).getProperty("met.yes"));
    }

    @Test
    void anUnknownKeyIsRefused() {
        ReportException e = assertThrows(ReportException.class, () -> PropertiesText.parse(FILE).with(Map.of("report.titel", "x")));
        assertEquals("'report.titel' is not a key of this file; only the wording of keys the file has can be changed"
                + " (the templates look up those).", e.getMessage());
    }

    @Test
    void everyShippedLabelFileReadsAsJavaReadsIt() throws IOException {
        for (String name : List.of("labels/bulletin_vi.properties", "labels/bulletin_en.properties", "labels/operator_vi.properties",
                "email/email_vi.properties")) {
            String text = Files.readString(Path.of("templates").resolve(name), StandardCharsets.UTF_8);
            Properties java = load(text);
            Map<String, String> ours = PropertiesText.parse(text).values();
            assertEquals(java.stringPropertyNames(), ours.keySet(), name);
            ours.forEach((k, v) -> assertEquals(java.getProperty(k), v, name + " " + k));
            // Writing every text back as it is read changes nothing a reader gets.
            Properties rewritten = load(PropertiesText.parse(text).with(ours));
            assertEquals(java, rewritten, name);
        }
    }

    private static Properties load(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }
}
