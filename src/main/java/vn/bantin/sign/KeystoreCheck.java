package vn.bantin.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import vn.bantin.config.Signing;
import vn.bantin.run.BulletinRun;
import vn.bantin.run.SignatureException;
import vn.bantin.run.SignatureStep;

/**
 * {@code templates check} on {@code sign.*}: opens the keystore as a run would, then signs a blank page and verifies
 * it, so that OK means a run's bulletins will be signed.
 */
public final class KeystoreCheck {
    private KeystoreCheck() {
    }

    /** Lines for the operator: problems first (each stops the bulletins); an empty {@code problems} means OK. */
    public record Outcome(List<String> problems, List<String> notes) {
    }

    public static Outcome check(Signing config, UnaryOperator<String> environment, Clock clock) throws IOException {
        if (!config.configured()) {
            return new Outcome(List.of(), List.of("sign.keystore is not set: the PDFs are sent unsigned"));
        }
        SignatureStep.Signer signer;
        try {
            signer = new PadesSigning(config, environment, clock).open();
        } catch (SignatureException e) {
            return new Outcome(List.of(e.getMessage()), List.of());
        }
        Path dir = Files.createTempDirectory("bantin-sign-check-");
        Path pdf = dir.resolve("blank.pdf");
        try {
            try (PDDocument doc = new PDDocument()) {
                doc.addPage(new PDPage());
                doc.save(pdf.toFile());
            }
            signer.sign(pdf);
            SignatureReport report = new SignatureVerifier(List.of()).verify(pdf);
            if (!report.valid()) {
                List<String> problems = new ArrayList<>();
                report.signatures().forEach(s -> s.problems().forEach(p -> problems.add("sign.keystore=" + config.keystore()
                        + ": a test signature does not verify: " + p)));
                return new Outcome(problems.isEmpty() ? List.of("sign.keystore=" + config.keystore()
                        + ": a test signature does not verify") : problems, List.of());
            }
        } catch (SignatureException e) {
            return new Outcome(List.of(e.getMessage()), List.of());
        } finally {
            Files.deleteIfExists(pdf);
            Files.deleteIfExists(dir);
        }
        SignatureStep.SignerCertificate c = signer.certificate();
        List<String> notes = new ArrayList<>();
        notes.add("signing key OK: " + c.subject() + ", certificate valid until "
                + c.notAfter().atZone(clock.getZone()).toLocalDate());
        long days = Duration.between(clock.instant(), c.notAfter()).toDays();
        if (c.notAfter().isBefore(clock.instant().plus(BulletinRun.EXPIRY_WARNING))) {
            notes.add("warning: the signing certificate expires in " + days + " day(s); renew it and replace "
                    + config.keystore());
        }
        return new Outcome(List.of(), notes);
    }
}
