package vn.bantin.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import vn.bantin.config.Settings;
import vn.bantin.config.Signing;
import vn.bantin.run.SignatureException;
import vn.bantin.run.SignatureStep;

/**
 * Signs each bulletin PDF PAdES baseline B (ETSI.CAdES.detached, SHA-256, the chain embedded) with the key of
 * {@code sign.keystore}, as an incremental update of the rendered file, with the reason and place of {@code sign.*}.
 */
public final class PadesSigning implements SignatureStep {
    /**
     * Room for the CMS signature, reserved in every PDF (twice over, as hex): a chain of three RSA-4096 certificates
     * takes about 6 KiB; 16 KiB leaves room without adding much to a thousand unit bulletins.
     */
    private static final int SIGNATURE_ROOM = 16 * 1024;

    private final Signing config;
    private final UnaryOperator<String> environment;
    private final Clock clock;

    public PadesSigning(Signing config, UnaryOperator<String> environment, Clock clock) {
        this.config = config;
        this.environment = environment;
        this.clock = clock;
    }

    /** The step {@code settings} ask for: none without {@code sign.keystore}; the password from the process's environment. */
    public static SignatureStep of(Settings settings, Clock clock) {
        return settings.sign().configured() ? new PadesSigning(settings.sign(), System::getenv, clock) : SignatureStep.NONE;
    }

    @Override
    public Signer open() {
        SigningKey key = SigningKey.open(config, environment, clock);
        SignerCertificate certificate = new SignerCertificate(key.signerName(), key.certificate().getNotAfter().toInstant(),
                key.fingerprint());
        return new Signer() {
            @Override
            public SignerCertificate certificate() {
                return certificate;
            }

            @Override
            public void sign(Path pdf) {
                signFile(key, pdf);
            }
        };
    }

    private void signFile(SigningKey key, Path pdf) {
        Path signed = pdf.resolveSibling(pdf.getFileName() + ".signing");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile());
             SignatureOptions options = new SignatureOptions();
             OutputStream out = Files.newOutputStream(signed)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(key.signerName());
            if (!config.reason().isEmpty()) {
                signature.setReason(config.reason());
            }
            if (!config.location().isEmpty()) {
                signature.setLocation(config.location());
            }
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
            now.setTimeInMillis(clock.millis());
            signature.setSignDate(now);
            options.setPreferredSignatureSize(SIGNATURE_ROOM);
            doc.addSignature(signature, new CadesDetached(key), options);
            doc.saveIncremental(out);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(signed);
            throw new SignatureException(pdf.getFileName() + ": cannot be signed (" + e.getMessage() + ")", e);
        }
        try {
            Files.move(signed, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(signed);
            throw new SignatureException(pdf + ": the signed file cannot replace the rendered one (" + e.getMessage() + ")", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray .signing file in the staging folder goes with it
        }
    }
}
