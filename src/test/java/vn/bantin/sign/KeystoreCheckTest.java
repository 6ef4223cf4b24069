package vn.bantin.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.Signing;

/** Each way a keystore cannot sign is one line that says what to do, and OK only when a test page signs and verifies. */
class KeystoreCheckTest {
    private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final Map<String, String> ENV = Map.of("BANTIN_SIGN_PASSWORD", "dung-mat-khau-2026", "OTHER", "sai");

    @TempDir
    Path tmp;

    @Test
    void aGoodKeystoreIsOkWithItsSignerAndExpiry() throws Exception {
        TestKeystore keys = TestKeystore.valid(tmp, "good", "dung-mat-khau-2026", "Sở Khoa học và Công nghệ", 365);
        KeystoreCheck.Outcome o = check(keys.file(), "BANTIN_SIGN_PASSWORD");
        assertEquals(List.of(), o.problems());
        assertEquals(1, o.notes().size(), o.notes().toString());
        assertTrue(o.notes().get(0).startsWith("signing key OK: Sở Khoa học và Công nghệ, certificate valid until "), o.notes().toString());
    }

    @Test
    void eachKeyThatCannotSignIsOneLine() throws Exception {
        Instant now = Instant.now();
        TestKeystore expired = TestKeystore.make(tmp, "expired", "dung-mat-khau-2026", "Hết Hạn", now.minusSeconds(86_400 * 400L),
                now.minusSeconds(86_400));
        TestKeystore early = TestKeystore.make(tmp, "early", "dung-mat-khau-2026", "Chưa Tới", now.plusSeconds(86_400 * 2L),
                now.plusSeconds(86_400 * 400L));
        TestKeystore good = TestKeystore.valid(tmp, "good", "dung-mat-khau-2026", "Tốt", 365);
        Path certificateOnly = tmp.resolve("certificate-only.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(good.caPem())));
        try (OutputStream out = Files.newOutputStream(certificateOnly)) {
            store.store(out, "dung-mat-khau-2026".toCharArray());
        }

        assertOneLine(check(expired.file(), "BANTIN_SIGN_PASSWORD"), "the signing certificate of Hết Hạn expired on");
        assertOneLine(check(early.file(), "BANTIN_SIGN_PASSWORD"), "the signing certificate of Chưa Tới is valid only from");
        assertOneLine(check(good.file(), "OTHER"), "the password in OTHER does not open it");
        assertOneLine(check(good.file(), "UNSET_VARIABLE"), "the environment variable UNSET_VARIABLE (sign.password-env) is not set");
        assertOneLine(check(tmp.resolve("missing.p12"), "BANTIN_SIGN_PASSWORD"), "missing.p12: no such file");
        assertOneLine(check(certificateOnly, "BANTIN_SIGN_PASSWORD"), "holds no private key");
    }

    private KeystoreCheck.Outcome check(Path keystore, String passwordEnv) throws Exception {
        return KeystoreCheck.check(new Signing(keystore, passwordEnv, null, "", ""), ENV::get, CLOCK);
    }

    private static void assertOneLine(KeystoreCheck.Outcome o, String expected) {
        assertEquals(1, o.problems().size(), o.toString());
        String line = o.problems().get(0);
        assertTrue(line.contains(expected), line);
        assertTrue(line.startsWith("sign.keystore="), line);
        assertEquals(1, line.lines().count(), line);
    }
}
