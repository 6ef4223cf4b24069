package vn.bantin.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Checks the signatures of a PDF: that the last one's byte range covers the whole file (nothing was added or changed
 * after it), that the digest of the signed bytes matches and the CMS signature is valid, that signing-certificate-v2
 * names the signer's certificate, and that the certificate chain holds at the signing time: up to a certificate of
 * {@code trusted}, or, with none given, up to the self-signed root embedded in the signature (then said so).
 */
public final class SignatureVerifier {
    private final List<X509Certificate> trusted;

    public SignatureVerifier(List<X509Certificate> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** The certificates of a PEM or DER file, for {@code verify --trust}. */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not an X.509 certificate file (PEM or DER): " + e.getMessage(), e);
        }
    }

    public SignatureReport verify(Path pdf) throws IOException {
        byte[] file = Files.readAllBytes(pdf);
        List<SignatureReport.Checked> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file)) {
            for (PDSignature s : doc.getSignatureDictionaries()) {
                out.add(check(s, file));
            }
        }
        return new SignatureReport(pdf.toString(), out);
    }

    private SignatureReport.Checked check(PDSignature s, byte[] file) {
        List<String> problems = new ArrayList<>();
        OffsetDateTime at = time(s.getSignDate());
        int[] range = s.getByteRange();
        boolean whole = range != null && range.length == 4 && range[0] == 0 && range[1] > 0 && range[2] > range[1]
                && (long) range[2] + range[3] == file.length && file[range[1]] == '<' && file[range[2] - 1] == '>';
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0
                || (long) range[2] + range[3] > file.length) {
            problems.add("its byte range " + Arrays.toString(range) + " does not describe this file: the file was changed");
            return new SignatureReport.Checked(null, at, s.getReason(), s.getLocation(), false, List.of(), problems);
        }
        String signer = null;
        List<String> chain = List.of();
        try {
            byte[] signedContent = s.getSignedContent(file);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), s.getContents(file));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certs = cms.getCertificates();
            var matches = certs.getMatches(info.getSID());
            if (matches.isEmpty()) {
                problems.add("the signer's certificate is not in the signature");
            } else {
                X509CertificateHolder holder = (X509CertificateHolder) matches.iterator().next();
                X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
                signer = Names.commonName(cert);
                // The digest of the signed bytes against the signed attributes, then the signature over those attributes.
                if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                    problems.add("the CMS signature does not verify");
                }
                checkSigningCertificate(info, cert, problems);
                List<X509Certificate> embedded = new ArrayList<>();
                for (X509CertificateHolder h : certs.getMatches(null)) {
                    embedded.add(new JcaX509CertificateConverter().getCertificate(h));
                }
                chain = chain(cert, embedded, at == null ? new Date() : Date.from(at.toInstant()), problems);
            }
        } catch (CMSException e) {
            problems.add(e.getMessage() != null && e.getMessage().contains("digest")
                    ? "the signed bytes' digest does not match: the document was changed after it was signed"
                    : "the signature is not a valid CMS signature (" + e.getMessage() + ")");
        } catch (IOException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            problems.add("the signature cannot be read (" + e.getMessage() + ")");
        }
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(s.getSubFilter())) {
            problems.add("its format is " + s.getSubFilter() + ", not PAdES (ETSI.CAdES.detached)");
        }
        return new SignatureReport.Checked(signer, at, s.getReason(), s.getLocation(), whole, chain, problems);
    }

    /** signing-certificate-v2 holds the SHA-256 of the certificate that signed: nobody swapped it for another. */
    private static void checkSigningCertificate(SignerInformation info, X509Certificate cert, List<String> problems)
            throws GeneralSecurityException {
        Attribute a = info.getSignedAttributes() == null ? null
                : info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (a == null) {
            problems.add("no signing-certificate-v2 attribute (PAdES requires it)");
            return;
        }
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(a.getAttrValues().getObjectAt(0)).getCerts();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        if (ids.length == 0 || !MessageDigest.isEqual(ids[0].getCertHash(), hash)) {
            problems.add("signing-certificate-v2 names another certificate than the one that signed");
        }
    }

    /** The chain from the signer up to a trusted (or, with none given, the embedded self-signed) root, at {@code at}. */
    private List<String> chain(X509Certificate signer, List<X509Certificate> embedded, Date at, List<String> problems)
            throws GeneralSecurityException {
        List<X509Certificate> roots = trusted.isEmpty() ? embedded.stream().filter(SignatureVerifier::selfSigned).toList()
                : trusted;
        if (roots.isEmpty()) {
            problems.add("the certificate chain ends without a root certificate; give the issuing CA with --trust CA.pem");
            return List.of();
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        roots.forEach(r -> anchors.add(new TrustAnchor(r, null)));
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(signer);
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.setRevocationEnabled(false);
        params.setDate(at);
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(embedded)));
        try {
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            List<String> names = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> names.add(Names.commonName((X509Certificate) c)));
            names.add(Names.commonName(result.getTrustAnchor().getTrustedCert()));
            return names;
        } catch (CertPathBuilderException e) {
            problems.add("the certificate chain does not hold at the signing time" + (trusted.isEmpty() ? ""
                    : " up to the certificates of --trust") + " (" + e.getMessage() + ")");
            return List.of();
        }
    }

    static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static OffsetDateTime time(Calendar c) {
        if (c == null) {
            return null;
        }
        return OffsetDateTime.ofInstant(c.toInstant(), c.getTimeZone() == null ? ZoneOffset.UTC : c.getTimeZone().toZoneId());
    }
}
