package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names made from codes and addresses that read alike never share a file. */
class FileNamesTest {
    @TempDir
    Path dir;

    @Test
    void codesThatDifferOnlyInPunctuationCaseOrAccentsGetNamesOfTheirOwn() {
        List<String> codes = List.of("H-TT.X", "H-TT_X", "h-tt.x", "H TT X", "ĐT", "DT", "Đt");
        Set<String> names = new java.util.HashSet<>();
        for (String c : codes) {
            String n = FileNames.of(c);
            assertTrue(n.matches("[a-z0-9@.-]+"), "a name any file system keeps: " + n);
            // Compared as a case-insensitive file system would (Windows, macOS).
            assertTrue(names.add(n.toLowerCase(java.util.Locale.ROOT)), "collides: " + c + " -> " + n);
        }
        assertEquals("h-tt.x-" + FileNames.hash("H-TT.X"), FileNames.of("H-TT.X"), "readable, then the hash");
        assertEquals("dt-" + FileNames.hash("ĐT"), FileNames.of("ĐT"));
        assertEquals(FileNames.of("SXD"), FileNames.of("SXD"), "the same code, the same name, run after run");
    }

    @Test
    void outboxMessagesToAddressesThatReadAlikeAreTwoFiles() throws Exception {
        OutboxSender outbox = new OutboxSender(dir.resolve("outbox"), TestMessages.FROM, Clock.systemUTC());
        for (String to : List.of("x+y@bacninh.gov.vn", "x_y@bacninh.gov.vn", "x-y@bacninh.gov.vn")) {
            Message m = TestMessages.message(dir, to);
            outbox.send(new Message(m.to(), m.subject(), m.html(), m.text(), m.attachments(), "ban-tin-2022-12-tinh--" + FileNames.of(to)));
        }
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".eml")).count());
        }
        assertNotEquals(FileNames.of("x+y@bacninh.gov.vn"), FileNames.of("x_y@bacninh.gov.vn"));
    }
}
