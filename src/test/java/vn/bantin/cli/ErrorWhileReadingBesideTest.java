package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents export is read beside the dossiers; an error in it (here a byte that is not UTF-8, 300 rows from its
 * end) while the dossiers are read, and one in the dossiers too (line 2,000: it happens first), is told once, in one
 * line, as when the files were read one after another: the documents' error, the first in file order.
 */
class ErrorWhileReadingBesideTest {
    @TempDir
    Path tmp;

    private Path data;
    private int brokenLine;

    @BeforeEach
    void breakDocumentsNearTheirEndAndDossiersAtTheirStart() throws IOException {
        data = SampleData.copyTo(tmp.resolve("data"));
        brokenLine = (int) Files.lines(data.resolve("documents.csv")).count() - 300;
        breakLine(data.resolve("documents.csv"), brokenLine);
        breakLine(data.resolve("dossiers.csv"), 2_000); // past the first 64 KiB that the header check decodes
    }

    @Test
    void dataCheckTellsTheDocumentsErrorOnce() {
        assertToldOnce(CliRun.of("data", "check", "--period", "2022", "--data", data.toString()));
    }

    @Test
    void runTellsTheDocumentsErrorOnceAndMakesNothing() {
        CliRun r = CliRun.of("run", "--period", "2022", "--data", data.toString(), "--out", tmp.resolve("out").toString(),
                "--outbox", tmp.resolve("outbox").toString(), "--store", CliRun.store(tmp));
        assertToldOnce(r);
        assertFalse(Files.exists(tmp.resolve("out/2022")), "no output folder");
    }

    private void assertToldOnce(CliRun r) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("error: documents.csv line " + brokenLine + " (byte "), err);
        assertEquals(1, (r.out() + r.err()).split("documents.csv line", -1).length - 1, r.out() + r.err());
        assertFalse((r.out() + r.err()).contains("dossiers.csv line"), "the dossiers' error comes later in file order");
    }

    /** Ends {@code line} (the header is line 1) with a lone UTF-8 lead byte. */
    private static void breakLine(Path file, int line) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = 0;
        for (int seen = 0; seen < line; at++) {
            if (bytes[at] == '\n') {
                seen++;
            }
        }
        bytes[at - 2] = (byte) 0xC3;
        Files.write(file, bytes);
    }
}
