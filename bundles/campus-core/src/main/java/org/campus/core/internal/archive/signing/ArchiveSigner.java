package org.campus.core.internal.archive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3161 time-stamps of archives. {@link #timestamp} sends an archive's SHA-256 with a fresh
 * nonce to the configured TSA and accepts the reply only when it passes every check: status
 * granted, the nonce, the imprint (and the policy, when one was requested), then the checks of
 * {@link TokenChecks} (signer certificate, its critical timeStamping usage, validity, signature,
 * chain to a configured trust anchor). {@link #verify} re-reads an archive and checks it against
 * a stored token and chain, answering valid or exactly why not.
 *
 * <p>BouncyCastle parses the ASN.1 and checks the CMS signature, with the Java runtime's own
 * algorithms (its JCA provider is neither needed nor registered: creating it costs seconds).
 */
@Component(service = ArchiveSigner.class, configurationPid = SigningConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SigningConfig.class)
public class ArchiveSigner {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveSigner.class);

    private final SecureRandom random = new SecureRandom();
    private volatile Settings settings;

    /** What a configuration gives: a client and the checks, or why signing is not possible. */
    private record Settings(TsaClient client, TokenChecks checks, ASN1ObjectIdentifier policy, String problem) {
    }

    @Activate
    public ArchiveSigner(SigningConfig config) {
        modified(config);
    }

    @Modified
    void modified(SigningConfig config) {
        settings = settings(config);
        if (settings.problem() != null) {
            LOG.warn("Archives cannot be signed: {}", settings.problem());
        } else {
            LOG.info("Archives are time-stamped by {}", settings.client().url());
        }
    }

    private Settings settings(SigningConfig config) {
        TokenChecks checks;
        try {
            checks = new TokenChecks(TrustAnchors.load(config.trust_anchors(), config.trust_jdkCacerts()));
        } catch (TimestampException e) {
            return new Settings(null, null, null, e.getMessage());
        }
        String url = config.tsa_url() == null ? "" : config.tsa_url().trim();
        if (url.isEmpty()) {
            return new Settings(null, checks, null, "no time-stamp authority is configured (tsa.url in etc/"
                    + SigningConfig.PID + ".cfg)");
        }
        URI uri;
        try {
            uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not an http or https URL");
            }
        } catch (IllegalArgumentException e) {
            return new Settings(null, checks, null, "tsa.url '" + url + "' is not an http(s) URL");
        }
        ASN1ObjectIdentifier policy = null;
        String p = config.tsa_policy() == null ? "" : config.tsa_policy().trim();
        if (!p.isEmpty()) {
            try {
                policy = new ASN1ObjectIdentifier(p);
            } catch (IllegalArgumentException e) {
                return new Settings(null, checks, null, "tsa.policy '" + p + "' is not an OID");
            }
        }
        TsaClient client = new TsaClient(uri, config.tsa_username(), config.tsa_password(),
                Duration.ofMillis(Math.max(1, config.tsa_connectTimeoutMs())),
                Duration.ofMillis(Math.max(1, config.tsa_readTimeoutMs())));
        return new Settings(client, checks, policy, null);
    }

    /** Whether archives can be signed now; {@link #problem()} says why not. */
    public boolean isConfigured() {
        return settings.problem() == null;
    }

    /** Why archives cannot be signed, or {@code null}. */
    public String problem() {
        return settings.problem();
    }

    /**
     * Time-stamps an archive by its SHA-256.
     *
     * @throws TimestampException when signing is not configured, the TSA cannot be reached or
     *         answers garbage (retryable), or the reply fails a check (the reason names it)
     */
    public SignedTimestamp timestamp(byte[] sha256) throws TimestampException {
        if (sha256 == null || sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 is 32 bytes");
        }
        Settings s = settings;
        if (s.problem() != null) {
            throw new TimestampException(TimestampException.Reason.NOT_CONFIGURED, "Archives cannot be signed: "
                    + s.problem());
        }
        BigInteger nonce = new BigInteger(64, random);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (s.policy() != null) {
            generator.setReqPolicy(s.policy());
        }
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, nonce);
        byte[] answer;
        try {
            answer = s.client().post(request.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("a request always encodes", e);
        }
        TimeStampToken token = accept(s, request, answer);
        TimeStampTokenInfo info = token.getTimeStampInfo();
        List<X509Certificate> chain = s.checks().checkSignerAndChain(token, List.of());
        try {
            SignedTimestamp stamp = new SignedTimestamp(token.getEncoded(), Pem.encode(chain),
                    info.getGenTime().toInstant(), info.getSerialNumber().toString(16),
                    chain.get(0).getSubjectX500Principal().getName());
            LOG.debug("Time-stamp {} of {} by {}", stamp.serial(), java.util.HexFormat.of().formatHex(sha256), stamp.tsa());
            return stamp;
        } catch (IOException | GeneralSecurityException e) {
            throw new TimestampException(TimestampException.Reason.GARBAGE, "The accepted time-stamp cannot be encoded: "
                    + e.getMessage(), e);
        }
    }

    /** The reply's status, token, nonce, imprint and policy. */
    private static TimeStampToken accept(Settings s, TimeStampRequest request, byte[] answer) throws TimestampException {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(answer);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampException(TimestampException.Reason.GARBAGE, "The TSA at " + s.client().url()
                    + " answered something that is not a time-stamp reply (" + answer.length + " bytes)", e);
        }
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            throw new TimestampException(TimestampException.Reason.REJECTED, "The TSA at " + s.client().url()
                    + " refused: status " + statusName(status) + failures(response.getFailInfo())
                    + (response.getStatusString() == null ? "" : ", \"" + response.getStatusString() + "\""));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimestampException(TimestampException.Reason.GARBAGE, "The TSA at " + s.client().url()
                    + " granted the request but sent no time-stamp token");
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (info.getNonce() == null || !info.getNonce().equals(request.getNonce())) {
            throw new TimestampException(TimestampException.Reason.NONCE_MISMATCH, "The time-stamp's nonce "
                    + (info.getNonce() == null ? "is missing" : info.getNonce().toString(16) + " is not the request's "
                            + request.getNonce().toString(16)) + ": the reply does not answer this request");
        }
        TokenChecks.checkImprint(info, request.getMessageImprintDigest());
        if (s.policy() != null && !s.policy().equals(info.getPolicy())) {
            throw new TimestampException(TimestampException.Reason.POLICY_MISMATCH, "The time-stamp is under policy "
                    + info.getPolicy() + ", not the requested " + s.policy());
        }
        return token;
    }

    private static String statusName(int status) {
        switch (status) {
            case PKIStatus.REJECTION:
                return "rejection";
            case PKIStatus.WAITING:
                return "waiting";
            case PKIStatus.REVOCATION_WARNING:
                return "revocationWarning";
            case PKIStatus.REVOCATION_NOTIFICATION:
                return "revocationNotification";
            default:
                return Integer.toString(status);
        }
    }

    private static String failures(PKIFailureInfo info) {
        if (info == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int[] bits = {PKIFailureInfo.badAlg, PKIFailureInfo.badRequest, PKIFailureInfo.badDataFormat,
            PKIFailureInfo.timeNotAvailable, PKIFailureInfo.unacceptedPolicy, PKIFailureInfo.unacceptedExtension,
            PKIFailureInfo.addInfoNotAvailable, PKIFailureInfo.systemFailure};
        String[] names = {"badAlg", "badRequest", "badDataFormat", "timeNotAvailable", "unacceptedPolicy",
            "unacceptedExtension", "addInfoNotAvailable", "systemFailure"};
        for (int i = 0; i < bits.length; i++) {
            if ((info.intValue() & bits[i]) != 0) {
                b.append(b.length() == 0 ? "" : ", ").append(names[i]);
            }
        }
        return b.length() == 0 ? "" : " (" + b + ")";
    }

    /** Reads {@code archive} to its end and verifies it against a stored token and chain. */
    public Verification verify(InputStream archive, byte[] token, byte[] chainPem) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n = archive.read(buffer); n >= 0; n = archive.read(buffer)) {
            sha.update(buffer, 0, n);
        }
        return verify(sha.digest(), token, chainPem);
    }

    /** Verifies an archive, known by its SHA-256, against a stored token and chain. */
    public Verification verify(byte[] archiveSha256, byte[] token, byte[] chainPem) {
        Settings s = settings;
        if (s.checks() == null) {
            return Verification.invalid("Cannot verify: " + s.problem());
        }
        TimeStampToken parsed;
        try {
            parsed = new TimeStampToken(new CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            return Verification.invalid("The stored time-stamp token cannot be read: " + e.getMessage());
        }
        TimeStampTokenInfo info = parsed.getTimeStampInfo();
        Instant time = info.getGenTime().toInstant();
        List<X509Certificate> stored;
        try {
            stored = Pem.decode(chainPem);
        } catch (GeneralSecurityException e) {
            return new Verification(false, "The stored certificate chain cannot be read: " + e.getMessage(), time, null);
        }
        try {
            TokenChecks.checkImprint(info, archiveSha256);
            List<X509Certificate> chain = s.checks().checkSignerAndChain(parsed, stored);
            String tsa = chain.get(0).getSubjectX500Principal().getName();
            String root = chain.get(chain.size() - 1).getSubjectX500Principal().getName();
            return new Verification(true, String.format(Locale.ROOT,
                    "Valid: the archive's SHA-256 %s was time-stamped at %s by %s (serial %s), whose certificate"
                            + " chains to the trust anchor %s", java.util.HexFormat.of().formatHex(archiveSha256), time,
                    tsa, info.getSerialNumber().toString(16), root), time, tsa);
        } catch (TimestampException e) {
            return new Verification(false, e.getMessage(), time, null);
        }
    }
}
