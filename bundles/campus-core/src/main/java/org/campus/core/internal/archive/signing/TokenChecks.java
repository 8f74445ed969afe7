package org.campus.core.internal.archive.signing;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * The checks every time-stamp token passes, when it is received and whenever an archive is
 * verified: the imprint is the archive's SHA-256; the signer's certificate is in the token (or the
 * stored chain), carries the critical extended key usage timeStamping and nothing else, and was
 * valid at the token's time; the signature verifies (BouncyCastle, which also checks the ESS
 * signing-certificate attribute); and the certificate chains to a configured trust anchor, as the
 * JDK's PKIX {@link CertPathBuilder} finds and its {@link CertPathValidator} validates, at the
 * token's time (so that an archive stays verifiable after the TSA's certificate expired).
 * Revocation is not checked: TSAs publish no CRLs or OCSP that an offline verification could
 * rely on.
 */
final class TokenChecks {

    static final String EKU_OID = "2.5.29.37";
    static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    private final Set<TrustAnchor> anchors;

    TokenChecks(Set<TrustAnchor> anchors) {
        this.anchors = anchors;
    }

    /** The token's imprint is SHA-256 of exactly {@code sha256}. */
    static void checkImprint(TimeStampTokenInfo info, byte[] sha256) throws TimestampException {
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            throw new TimestampException(TimestampException.Reason.IMPRINT_MISMATCH, "The time-stamp covers a "
                    + info.getMessageImprintAlgOID() + " hash, not a SHA-256 one");
        }
        if (!Arrays.equals(info.getMessageImprintDigest(), sha256)) {
            throw new TimestampException(TimestampException.Reason.IMPRINT_MISMATCH, "The archive's SHA-256 is "
                    + HexFormat.of().formatHex(sha256) + " but the time-stamp covers "
                    + HexFormat.of().formatHex(info.getMessageImprintDigest()));
        }
    }

    /**
     * Checks the signer and its chain.
     *
     * @param extra certificates to build the chain with besides the token's (the stored chain)
     * @return the chain from the signer up to and including the trust anchor's certificate
     */
    List<X509Certificate> checkSignerAndChain(TimeStampToken token, Collection<X509Certificate> extra)
            throws TimestampException {
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> candidates = new ArrayList<>();
        try {
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                candidates.add(converter.getCertificate(h));
            }
        } catch (GeneralSecurityException e) {
            throw new TimestampException(TimestampException.Reason.GARBAGE,
                    "A certificate in the time-stamp cannot be read: " + e.getMessage(), e);
        }
        candidates.addAll(extra);
        X509Certificate signer = signer(token.getSID(), candidates);
        String subject = signer.getSubjectX500Principal().getName();

        checkTimeStampingUsage(signer, subject);
        try {
            signer.checkValidity(Date.from(time));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new TimestampException(TimestampException.Reason.CERTIFICATE_NOT_VALID, "The signer certificate "
                    + subject + " was not valid at the time-stamp's time " + time + " (valid " + signer.getNotBefore()
                    .toInstant() + " to " + signer.getNotAfter().toInstant() + ")");
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException e) {
            throw new TimestampException(TimestampException.Reason.SIGNATURE_INVALID,
                    "The time-stamp's signature does not verify with the certificate of " + subject + ": "
                            + e.getMessage(), e);
        } catch (OperatorCreationException e) {
            throw new TimestampException(TimestampException.Reason.SIGNATURE_INVALID,
                    "The time-stamp's signature algorithm is not supported: " + e.getMessage(), e);
        }
        return chain(signer, candidates, time, subject);
    }

    private static X509Certificate signer(SignerId sid, List<X509Certificate> candidates) throws TimestampException {
        for (X509Certificate c : candidates) {
            try {
                if (sid.match(new X509CertificateHolder(c.getEncoded()))) {
                    return c;
                }
            } catch (GeneralSecurityException | java.io.IOException e) {
                // not this one
            }
        }
        throw new TimestampException(TimestampException.Reason.NO_SIGNER_CERTIFICATE,
                "The time-stamp carries no certificate of its signer (issuer " + sid.getIssuer() + ", serial "
                        + sid.getSerialNumber() + ")");
    }

    /** RFC 3161 2.3: exactly one extended key usage, timeStamping, in a critical extension. */
    private static void checkTimeStampingUsage(X509Certificate signer, String subject) throws TimestampException {
        List<String> usages;
        try {
            usages = signer.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            throw new TimestampException(TimestampException.Reason.NO_TIMESTAMPING_EKU,
                    "The extended key usage of " + subject + " cannot be read", e);
        }
        if (usages == null) {
            throw new TimestampException(TimestampException.Reason.NO_TIMESTAMPING_EKU,
                    "The signer certificate " + subject + " has no extended key usage; a TSA's needs timeStamping");
        }
        Set<String> critical = signer.getCriticalExtensionOIDs();
        if (critical == null || !critical.contains(EKU_OID)) {
            throw new TimestampException(TimestampException.Reason.NO_TIMESTAMPING_EKU,
                    "The extended key usage of the signer certificate " + subject + " is not marked critical");
        }
        if (!usages.equals(List.of(TIME_STAMPING))) {
            throw new TimestampException(TimestampException.Reason.NO_TIMESTAMPING_EKU,
                    "The extended key usage of the signer certificate " + subject + " is " + usages
                            + ", not timeStamping alone");
        }
    }

    private List<X509Certificate> chain(X509Certificate signer, List<X509Certificate> candidates, Instant time,
            String subject) throws TimestampException {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters build = new PKIXBuilderParameters(anchors, target);
            build.setRevocationEnabled(false);
            build.setDate(Date.from(time));
            build.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
            PKIXCertPathBuilderResult built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(build);
            CertPath path = built.getCertPath();

            PKIXParameters validate = new PKIXParameters(anchors);
            validate.setRevocationEnabled(false);
            validate.setDate(Date.from(time));
            CertPathValidator.getInstance("PKIX").validate(path, validate);

            List<X509Certificate> chain = new ArrayList<>();
            path.getCertificates().forEach(c -> chain.add((X509Certificate) c));
            chain.add(built.getTrustAnchor().getTrustedCert());
            return chain;
        } catch (GeneralSecurityException e) {
            throw new TimestampException(TimestampException.Reason.UNTRUSTED_CHAIN, "The signer certificate " + subject
                    + " does not chain to a configured trust anchor: " + e.getMessage(), e);
        }
    }
}
