package vn.bantin.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.delivery.CliInTest;

/** {@code verify} on a PDF without a signature, and on a file that is no PDF: a clear line and a non-zero exit. */
class VerifyUnsignedTest {
    @TempDir
    Path tmp;

    @Test
    void anUnsignedPdfIsSaidToBeNotSigned() throws Exception {
        Path pdf = tmp.resolve("unsigned.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(pdf.toFile());
        }
        CliInTest r = CliInTest.of("verify", pdf.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(pdf + ": NOT SIGNED: the PDF carries no digital signature\n", r.out());
    }

    @Test
    void aFileThatIsNoPdfIsOneErrorLine() throws Exception {
        Path notPdf = Files.writeString(tmp.resolve("notes.pdf"), "not a PDF");
        CliInTest r = CliInTest.of("verify", notPdf.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: " + notPdf + ": cannot be read as a PDF"), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
    }
}
