package vn.bantin.sign;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Hashtable;
import java.util.Map;

import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The CMS signature of a PAdES baseline B signature (ETSI.CAdES.detached): SHA-256, the signer's chain embedded, the
 * signing-certificate-v2 attribute binding the signer's certificate, and no signing-time attribute (PAdES takes the
 * time from the signature dictionary's M entry).
 */
final class CadesDetached implements SignatureInterface {
    private final SigningKey key;

    CadesDetached(SigningKey key) {
        this.key = key;
    }

    @Override
    public byte[] sign(InputStream content) throws IOException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm()).build(key.key());
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes())
                    .build(signer, key.certificate()));
            gen.addCertificates(new JcaCertStore(key.chain()));
            return gen.generate(new Streamed(content), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("the CMS signature cannot be made: " + e.getMessage(), e);
        }
    }

    private String signatureAlgorithm() {
        return switch (key.key().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "SHA256with" + key.key().getAlgorithm();
        };
    }

    /** BC's defaults (content type, message digest, algorithm protection), less signing-time, plus signing-certificate-v2. */
    private CMSAttributeTableGenerator signedAttributes() throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(key.certificate().getIssuerX500Principal().getEncoded()))),
                key.certificate().getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
        Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator();
        return parameters -> {
            @SuppressWarnings("unchecked")
            Map<Object, Object> p = (Map<Object, Object>) parameters;
            AttributeTable table = defaults.getAttributes(new Hashtable<>(p)).remove(CMSAttributes.signingTime);
            ASN1EncodableVector v = table.toASN1EncodableVector();
            v.add(signingCertificate);
            return new AttributeTable(v);
        };
    }

    /** The PDF's signed bytes, read once as BC writes the digest. */
    private record Streamed(InputStream in) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return PKCSObjectIdentifiers.data;
        }

        @Override
        public void write(java.io.OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
