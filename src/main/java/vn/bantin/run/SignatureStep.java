package vn.bantin.run;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The step between rendering and sending that signs each bulletin PDF ({@code sign.*}). The run knows that it
 * happens, not how: the {@code sign} package implements it, and whoever starts a run hands it over.
 */
public interface SignatureStep {
    /** For settings without {@code sign.keystore}: the PDFs go out as rendered. */
    SignatureStep NONE = () -> new Signer() {
        @Override
        public SignerCertificate certificate() {
            return null;
        }

        @Override
        public void sign(Path pdf) {
            // nothing to sign with
        }
    };

    /**
     * Opens the key for one run, before anything is rendered.
     *
     * @throws SignatureException in one line when no signature can be made (keystore missing, wrong password,
     *                            certificate expired or not yet valid, no private key)
     */
    Signer open();

    /** An opened key. */
    interface Signer {
        /** Whose signature it is and until when; null when nothing signs. */
        SignerCertificate certificate();

        /** Signs {@code pdf} in place; a {@link SignatureException} stops this bulletin only. */
        void sign(Path pdf);
    }

    /**
     * The signer's certificate as the run summary names it: its subject, and the end of its validity; {@code fingerprint}
     * (SHA-256, hex) tells one certificate from its renewal.
     */
    record SignerCertificate(String subject, Instant notAfter, String fingerprint) {
    }
}
