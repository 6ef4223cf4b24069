package vn.bantin.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import vn.bantin.config.Signing;
import vn.bantin.run.SignatureException;

/**
 * The signer's private key and certificate chain (signer first), opened from the PKCS#12 file of {@code sign.keystore}
 * with the password from the environment, and checked to be usable now. Each way it can fail is one line that names
 * the file or key and says what to do.
 */
record SigningKey(PrivateKey key, List<X509Certificate> chain) {

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** The SHA-256 of the signer's certificate, in hex. */
    String fingerprint() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new SignatureException("the signing certificate cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The signer's name as a person reads it: the certificate's CN, else its whole subject. */
    String signerName() {
        return Names.commonName(certificate());
    }

    static SigningKey open(Signing config, UnaryOperator<String> environment, Clock clock) {
        String where = "sign.keystore=" + config.keystore();
        String password = environment.apply(config.passwordEnv());
        if (password == null) {
            throw new SignatureException(where + ": the environment variable " + config.passwordEnv() + " (sign.password-env)"
                    + " is not set; set it to the keystore's password");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(config.keystore())) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
        } catch (NoSuchFileException e) {
            throw new SignatureException(where + ": no such file; give the PKCS#12 file (.p12) of the signing key and its"
                    + " certificate chain");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new SignatureException(where + ": the password in " + config.passwordEnv() + " does not open it;"
                        + " set the keystore's password in that variable", e);
            }
            throw new SignatureException(where + ": cannot be read as a PKCS#12 keystore (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new SignatureException(where + ": cannot be read as a PKCS#12 keystore (" + e.getMessage() + ")", e);
        }
        try {
            String alias = alias(store, config, where);
            Key key = store.getKey(alias, password.toCharArray());
            if (!(key instanceof PrivateKey privateKey)) {
                throw new SignatureException(where + ": '" + alias + "' holds no private key; a signature needs the signer's"
                        + " key and certificate (export them together as PKCS#12)");
            }
            Certificate[] certificates = store.getCertificateChain(alias);
            if (certificates == null || certificates.length == 0 || !(certificates[0] instanceof X509Certificate)) {
                throw new SignatureException(where + ": '" + alias + "' has a key but no X.509 certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            SigningKey opened = new SigningKey(privateKey, List.copyOf(chain));
            opened.checkValidAt(clock, where);
            return opened;
        } catch (UnrecoverableKeyException e) {
            throw new SignatureException(where + ": the key's password differs from the keystore's; give the key the password"
                    + " in " + config.passwordEnv(), e);
        } catch (GeneralSecurityException e) {
            throw new SignatureException(where + ": the signing key cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** {@code sign.alias}, or the keystore's only key. */
    private static String alias(KeyStore store, Signing config, String where) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        if (config.alias() != null) {
            if (!store.containsAlias(config.alias())) {
                throw new SignatureException(where + ": no entry '" + config.alias() + "' (sign.alias); its keys are " + keys);
            }
            return config.alias();
        }
        if (keys.size() != 1) {
            throw new SignatureException(where + ": " + (keys.isEmpty() ? "holds no private key; a signature needs the signer's"
                    + " key and certificate (export them together as PKCS#12)"
                    : "holds " + keys.size() + " keys " + keys + "; set sign.alias to the one that signs"));
        }
        return keys.get(0);
    }

    /** Every certificate of the chain is valid at {@code now}: an expired signature would be refused by whoever checks it. */
    private void checkValidAt(Clock clock, String where) {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        for (X509Certificate c : chain) {
            String whose = c == certificate() ? "the signing certificate of " + signerName() : "the CA certificate "
                    + Names.commonName(c) + " in its chain";
            if (now.isAfter(c.getNotAfter().toInstant())) {
                throw new SignatureException(where + ": " + whose + " expired on " + day(c.getNotAfter().toInstant(), zone)
                        + "; renew it and replace the keystore");
            }
            if (now.isBefore(c.getNotBefore().toInstant())) {
                throw new SignatureException(where + ": " + whose + " is valid only from " + day(c.getNotBefore().toInstant(), zone)
                        + "; check the machine's clock, or use a certificate that is valid now");
            }
        }
    }

    private static String day(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate().toString();
    }
}
