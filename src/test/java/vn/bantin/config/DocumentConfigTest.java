package vn.bantin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** org.doc-type, org.doc-number(.running) and the signature block's images: defaults, the number line, bad values. */
class DocumentConfigTest {
    @TempDir
    Path dir;

    private Organisation load(String properties) throws IOException {
        Files.writeString(dir.resolve("bantin.properties"), properties, StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), dir.resolve("recipients.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return ConfigLoader.load(dir).organisation();
    }

    @Test
    void aReportOfTheDepartmentOfScienceAndTechnologyByDefault() throws IOException {
        Organisation org = load("");
        assertEquals(DocType.REPORT, org.docType());
        assertEquals("SỞ KHOA HỌC VÀ CÔNG NGHỆ", org.name());
        assertFalse(org.runningNumber());
        assertEquals("Số:       /BC", org.docNumber(2026, "2026-Q1"), "a blank for the clerk");
        assertNull(org.signatureImage());
        assertNull(org.sealImage());
    }

    @Test
    void theNumberLineHasTwoDigitsAndTheTypesAbbreviation() throws IOException {
        Organisation org = load("org.doc-type=thông  báo\norg.doc-number=Số: {number}/{type}-SKHCN\n"
                + "org.doc-number.running=true\n");
        assertEquals(DocType.NOTICE, org.docType());
        assertTrue(org.runningNumber());
        assertEquals("Số: 05/TB-SKHCN", org.docNumber(2026, "2026-Q1", 5));
        assertEquals("Số: 12/TB-SKHCN", org.docNumber(2026, "2026-Q1", 12));
        assertEquals("Số: 05/BT-SKHCN", load("org.doc-type=BẢN TIN\norg.doc-number=Số: {number}/{type}-SKHCN\n")
                .docNumber(2026, "2026-Q1", 5));
    }

    @Test
    void anUnknownTypeARunningNumberWithNowhereToGoAndAnImageThatIsNoPngAreRefusedWithTheirKey() throws IOException {
        ConfigException type = assertThrows(ConfigException.class, () -> load("org.doc-type=CÔNG VĂN\n"));
        assertTrue(type.getMessage().contains("bantin.properties: org.doc-type=CÔNG VĂN is not valid; expected BÁO CÁO,"
                + " THÔNG BÁO or BẢN TIN"), type.getMessage());
        ConfigException number = assertThrows(ConfigException.class,
                () -> load("org.doc-number=Số:    /BC-SKHCN\norg.doc-number.running=true\n"));
        assertTrue(number.getMessage().contains("org.doc-number=Số:    /BC-SKHCN is not valid; expected a number line with"
                + " {number}"), number.getMessage());
        Path text = Files.writeString(dir.resolve("seal.png"), "not an image");
        ConfigException image = assertThrows(ConfigException.class, () -> load("org.seal-image=" + text + "\n"));
        assertTrue(image.getMessage().contains("org.seal-image=" + text + " is not valid; expected a PNG file"),
                image.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> load("org.signature-image=" + dir.resolve("nowhere.png") + "\n"));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
        assertEquals(Path.of("config/images/chu-ky-mau.png"),
                load("org.signature-image=config/images/chu-ky-mau.png\n").signatureImage(), "the sample is a PNG");
    }
}
