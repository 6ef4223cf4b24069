package vn.bantin.config;

import java.nio.file.Path;

/**
 * The PAdES signature of every bulletin PDF ({@code sign.*}): the PKCS#12 file of the signer's key and certificate
 * chain ({@code keystore} null: PDFs are not signed), the environment variable holding its password, the key's alias
 * (null: the keystore's only key), and the reason and place written into each signature.
 */
public record Signing(Path keystore, String passwordEnv, String alias, String reason, String location) {
    public static final String DEFAULT_PASSWORD_VARIABLE = "BANTIN_SIGN_PASSWORD";
    public static final Signing NONE = new Signing(null, DEFAULT_PASSWORD_VARIABLE, null, "", "");

    public boolean configured() {
        return keystore != null;
    }
}
