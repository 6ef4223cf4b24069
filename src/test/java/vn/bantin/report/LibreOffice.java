package vn.bantin.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's LibreOffice Writer, headless, to open a Word document as an office would. Missing, the tests that need it
 * are skipped with the reason, unless {@code BANTIN_REQUIRE_OFFICE=1} (CI sets it), where a missing one fails them.
 */
final class LibreOffice {
    static final Path SOFFICE = Path.of("/usr/bin/soffice");

    private LibreOffice() {
    }

    /** Converts {@code docx} to a PDF in {@code dir} and returns it; a profile of its own, so runs never share one. */
    static Path toPdf(Path docx, Path dir) throws IOException, InterruptedException {
        String reason = "no LibreOffice: install Debian's libreoffice-writer-nogui (apt-get install -y"
                + " libreoffice-writer-nogui) to open the DOCX bulletins in the tests";
        boolean present = Files.isExecutable(SOFFICE);
        if (!present && "1".equals(System.getenv("BANTIN_REQUIRE_OFFICE"))) {
            throw new IllegalStateException(reason + " (BANTIN_REQUIRE_OFFICE=1)");
        }
        Assumptions.assumeTrue(present, reason);
        Path log = dir.resolve("soffice.log");
        Process p = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Not a timing: a guard so that a LibreOffice that hangs fails the test instead of the build.
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("soffice did not finish converting " + docx);
        }
        String name = docx.getFileName().toString().replaceFirst("\\.docx$", ".pdf");
        Path pdf = dir.resolve(name);
        if (p.exitValue() != 0 || !Files.isRegularFile(pdf)) {
            throw new IllegalStateException("soffice did not convert " + docx + " (exit " + p.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return pdf;
    }
}
