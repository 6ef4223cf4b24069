package vn.bantin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** output.formats: the PDF and the workbook by default, the Word document when asked, and the words for a bad list. */
class OutputFormatsConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultIsThePdfAndTheWorkbook() throws IOException {
        assertEquals(List.of(Path.of("b.pdf"), Path.of("b.xlsx")), load("").outputFormats().files(Path.of(""), "b"));
    }

    @Test
    void docxIsAddedBesideThemInAnyOrderAndCase() throws IOException {
        assertEquals(List.of(Path.of("b.pdf"), Path.of("b.xlsx"), Path.of("b.docx")),
                load("output.formats = DOCX, pdf,xlsx\n").outputFormats().files(Path.of(""), "b"));
        assertEquals(List.of(Path.of("b.pdf"), Path.of("b.docx")), load("output.formats=pdf,docx\n").outputFormats()
                .files(Path.of(""), "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf,doc", "pdf;xlsx", "xlsx,docx", ""})
    void anUnknownWordOrNoPdfIsRefusedNamingTheKey(String value) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load("output.formats=" + value + "\n"));

        assertTrue(e.getMessage().startsWith(dir.resolve("bantin.properties") + ": output.formats=" + value
                + " is not valid; expected pdf, optionally with xlsx and docx"), e.getMessage());
    }

    private Settings load(String properties) throws IOException {
        Files.writeString(dir.resolve("bantin.properties"), properties, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("recipients.csv"), "unit,name,email,bulletins\n", StandardCharsets.UTF_8);
        return ConfigLoader.load(dir);
    }
}
