package org.campus.core.internal.archive.signing;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test PKI, generated in the test: a root CA, an intermediate CA, TSA certificates with and
 * without the critical timeStamping usage, and a second root nobody trusts. EC P-256 keys, so that
 * generating them is quick.
 */
public final class TestPki {

    /** A key pair and its certificate. */
    public record Identity(KeyPair keys, X509Certificate certificate) {
        PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    /** How a TSA certificate's extended key usage looks. */
    enum Usage { CRITICAL_TIME_STAMPING, NONE, NON_CRITICAL_TIME_STAMPING, CRITICAL_WITH_OTHERS }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    public final Identity root;
    final Identity intermediate;
    final Identity tsa;
    final Identity untrustedRoot;
    final Identity untrustedTsa;

    public TestPki() throws Exception {
        root = ca("CN=Campus Test Root,O=Campus Tests", null);
        intermediate = ca("CN=Campus Test Intermediate,O=Campus Tests", root);
        tsa = tsa("CN=Campus Test TSA,O=Campus Tests", intermediate, Usage.CRITICAL_TIME_STAMPING,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        untrustedRoot = ca("CN=Untrusted Root,O=Elsewhere", null);
        untrustedTsa = tsa("CN=Untrusted TSA,O=Elsewhere", untrustedRoot, Usage.CRITICAL_TIME_STAMPING,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static Identity ca(String subject, Identity issuer) throws Exception {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder b = builder(subject, issuer, keys, now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(3650)));
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        return new Identity(keys, sign(b, issuer == null ? keys.getPrivate() : issuer.privateKey()));
    }

    static Identity tsa(String subject, Identity issuer, Usage usage, Instant from, Instant to) throws Exception {
        KeyPair keys = keyPair();
        X509v3CertificateBuilder b = builder(subject, issuer, keys, from, to);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        switch (usage) {
            case CRITICAL_TIME_STAMPING -> b.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            case NON_CRITICAL_TIME_STAMPING -> b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            case CRITICAL_WITH_OTHERS -> b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_timeStamping, KeyPurposeId.id_kp_codeSigning}));
            case NONE -> { }
        }
        return new Identity(keys, sign(b, issuer.privateKey()));
    }

    private static X509v3CertificateBuilder builder(String subject, Identity issuer, KeyPair keys, Instant from,
            Instant to) {
        X500Name issuerName = issuer == null ? new X500Name(subject)
                : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(from), Date.from(to), new X500Name(subject), keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    public static Path writePem(Path file, X509Certificate... certificates) throws Exception {
        Files.write(file, Pem.encode(List.of(certificates)));
        return file;
    }
}
