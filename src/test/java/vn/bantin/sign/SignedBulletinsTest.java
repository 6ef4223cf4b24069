package vn.bantin.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import vn.bantin.delivery.CliInTest;
import vn.bantin.delivery.FreePort;
import vn.bantin.delivery.ReceivedAttachments;

/**
 * The bulletins that reach the mail server carry a PAdES signature made with the keystore of {@code sign.keystore}
 * (made here: a self-signed CA and a signer's certificate). The keystore's password is the value of an environment
 * variable the test process has (PATH), so the run reads it from the environment exactly as in production.
 */
class SignedBulletinsTest {
    private static final String SIGNER = "Sở Khoa học và Công nghệ tỉnh Bắc Ninh";
    private static final String PASSWORD_ENV = "PATH";

    @TempDir
    Path tmp;

    @Test
    void everySentPdfIsSignedAndVerifyTellsAChangedByte() throws Exception {
        // Valid for 20 more days: signed and sent, with a warning in the run summary and to the administrator.
        TestKeystore keys = TestKeystore.valid(Files.createDirectories(tmp.resolve("keys")), "signer",
                System.getenv(PASSWORD_ENV), SIGNER, 20);
        GreenMail server = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            Path config = CliInTest.config(tmp, server.getSmtp().getPort(), signing(keys, PASSWORD_ENV)
                    + "mail.admin=quantri@bacninh.gov.vn\n");
            CliInTest check = CliInTest.of("templates", "check", "--config", config.toString());
            assertEquals(0, check.exitCode(), check.toString());
            assertTrue(check.out().contains("signing key OK: " + SIGNER), check.toString());
            assertTrue(check.out().contains("warning: the signing certificate expires in"), check.toString());

            CliInTest run = CliInTest.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(0, run.exitCode(), run.toString());
            Map<String, byte[]> received = ReceivedAttachments.of(server.getReceivedMessages());
            List<String> pdfs = received.keySet().stream().filter(k -> k.endsWith(".pdf")).sorted().toList();
            assertEquals(5, pdfs.size(), "the province PDF to 4 leaders, a unit PDF to SXD: " + received.keySet());
            assertTrue(pdfs.stream().anyMatch(k -> k.endsWith("-tinh.pdf")) && pdfs.stream().anyMatch(k -> k.startsWith(CliInTest.SXD)));
            for (String name : pdfs) {
                Path pdf = tmp.resolve(name.replace('/', '_'));
                Files.write(pdf, received.get(name));
                assertSignedPades(pdf);
                String pdfsig = pdfsig(pdf);
                assertTrue(pdfsig.contains("Signature Validation: Signature is Valid."), pdfsig);
                assertTrue(pdfsig.contains("Signer Certificate Common Name: " + SIGNER), pdfsig);
                assertTrue(pdfsig.contains("ETSI.CAdES.detached") || pdfsig.contains("PAdES"), pdfsig);
                assertTrue(pdfsig.contains("Signature Type: ETSI.CAdES.detached"), pdfsig);
                assertTrue(pdfsig.contains("Total document signed"), pdfsig);
            }
            Path province = tmp.resolve(pdfs.stream().filter(k -> k.endsWith("-tinh.pdf")).findFirst().orElseThrow().replace('/', '_'));

            CliInTest verify = CliInTest.of("verify", province.toString());
            assertEquals(0, verify.exitCode(), verify.toString());
            assertTrue(verify.out().contains("signer:        " + SIGNER), verify.toString());
            assertTrue(verify.out().contains("reason:        Ban hành bản tin"), verify.toString());
            assertTrue(verify.out().contains("covers:        the whole file"), verify.toString());
            assertTrue(verify.out().contains(": VALID: signed by " + SIGNER + ", not changed since it was signed"), verify.toString());
            CliInTest trusted = CliInTest.of("verify", "--trust", keys.caPem().toString(), province.toString());
            assertEquals(0, trusted.exitCode(), trusted.toString());
            // A chain that ends at a self-made root does not pass for the CA the reader trusts.
            TestKeystore other = TestKeystore.valid(tmp.resolve("keys"), "other", "x", "Someone else", 30);
            CliInTest untrusted = CliInTest.of("verify", "--trust", other.caPem().toString(), province.toString());
            assertEquals(1, untrusted.exitCode(), untrusted.toString());
            assertTrue(untrusted.out().contains("NOT VALID"), untrusted.toString());

            // One byte of a content stream changed after signing.
            byte[] bytes = Files.readAllBytes(province);
            int at = indexOf(bytes, "stream".getBytes(StandardCharsets.US_ASCII), 1000) + 40;
            bytes[at] ^= 0x01;
            Path changed = tmp.resolve("changed.pdf");
            Files.write(changed, bytes);
            CliInTest changedVerify = CliInTest.of("verify", changed.toString());
            assertEquals(1, changedVerify.exitCode(), changedVerify.toString());
            assertTrue(changedVerify.out().contains("the document was changed after it was signed"), changedVerify.toString());
            assertTrue(changedVerify.out().contains("NOT VALID"), changedVerify.toString());

            // Something added after the signature (an incremental update) is a change too.
            Path appended = tmp.resolve("appended.pdf");
            Files.write(appended, Files.readAllBytes(province));
            Files.writeString(appended, "\n% added later\n", StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.APPEND);
            CliInTest appendedVerify = CliInTest.of("verify", appended.toString());
            assertEquals(1, appendedVerify.exitCode(), appendedVerify.toString());
            assertTrue(appendedVerify.out().contains("NOT VALID: the document was changed after it was signed"),
                    appendedVerify.toString());

            // The run summary and the administrator were told that the certificate expires soon.
            String summary = Files.readString(tmp.resolve("out/2022-12/run-summary.txt"), StandardCharsets.UTF_8);
            assertTrue(summary.contains("chứng thư số ký bản tin của " + SIGNER + " hết hạn ngày"), summary);
            List<String> adminSubjects = new ArrayList<>();
            for (MimeMessage m : server.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().contains("quantri@")) {
                    adminSubjects.add(m.getSubject());
                }
            }
            assertEquals(List.of("bantin: chứng thư số ký bản tin sắp hết hạn (2022-12)"), adminSubjects);
        } finally {
            server.stop();
        }
    }

    @Test
    void aWrongKeystorePasswordStopsTheBulletinsAndSendsNothing() throws Exception {
        TestKeystore keys = TestKeystore.valid(Files.createDirectories(tmp.resolve("keys")), "signer",
                System.getenv(PASSWORD_ENV), SIGNER, 365);
        assertNotEquals(System.getenv(PASSWORD_ENV), System.getenv("HOME"));
        GreenMail server = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            Path config = CliInTest.config(tmp, server.getSmtp().getPort(), signing(keys, "HOME"));
            CliInTest check = CliInTest.of("templates", "check", "--config", config.toString());
            assertEquals(2, check.exitCode(), check.toString());
            assertTrue(check.out().contains("the password in HOME does not open it"), check.toString());
            assertFalse(check.out().contains("OK"), check.toString());

            CliInTest run = CliInTest.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(2, run.exitCode(), run.toString());
            String line = "sign.keystore=" + keys.file() + ": the password in HOME does not open it; set the keystore's"
                    + " password in that variable";
            assertTrue(run.err().contains("error: " + line), run.toString());
            assertFalse(run.err().contains("Exception"), run.toString());
            assertEquals(0, server.getReceivedMessages().length, "nothing sent");
            CliInTest history = CliInTest.of("history", "--config", config.toString(), "--period", "2022-12");
            assertTrue(history.out().contains(line), history.toString());
        } finally {
            server.stop();
        }
    }

    private static String signing(TestKeystore keys, String passwordEnv) {
        return "sign.keystore=" + keys.file() + "\nsign.password-env=" + passwordEnv
                + "\nsign.reason=Ban hành bản tin\nsign.location=Bắc Ninh\n";
    }

    /** The PDF's one signature, read with PDFBox and Bouncy Castle apart from the program's own verifier. */
    private static void assertSignedPades(Path pdf) throws Exception {
        byte[] file = Files.readAllBytes(pdf);
        try (PDDocument doc = Loader.loadPDF(file)) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Bắc Ninh"), "the text is still there: " + pdf);
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertEquals(1, signatures.size(), pdf.toString());
            PDSignature s = signatures.get(0);
            assertEquals("ETSI.CAdES.detached", s.getSubFilter());
            assertEquals("Ban hành bản tin", s.getReason());
            assertEquals("Bắc Ninh", s.getLocation());
            int[] range = s.getByteRange();
            assertEquals(file.length, range[2] + range[3], "the signature covers the whole file");
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(s.getSignedContent(file)), s.getContents(file));
            assertEquals(2, cms.getCertificates().getMatches(null).size(), "the signer's certificate and the CA's");
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            assertEquals("2.16.840.1.101.3.4.2.1", signer.getDigestAlgOID(), "SHA-256");
            assertTrue(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null);
            assertEquals(null, signer.getSignedAttributes().get(CMSAttributes.signingTime), "PAdES: time in the dictionary");
            var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            assertTrue(signer.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(holder)));
        }
        SignatureReport report = new SignatureVerifier(List.of()).verify(pdf);
        assertTrue(report.valid(), report.toString());
        assertEquals(SIGNER, report.signatures().get(0).signer());
    }

    private static String pdfsig(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdfsig", pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (haystack[i - 1] == 'd') {
                continue; // endstream
            }
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + new String(needle, StandardCharsets.US_ASCII));
    }
}
