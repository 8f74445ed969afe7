package org.campus.core.internal.archive.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signing against a real TSA on loopback, with {@code openssl ts -verify} as the independent judge
 * of every token Campus accepts, and one misbehaving TSA per check Campus makes.
 */
class ArchiveSignerTest {

    private static TestPki pki;
    private static TestTsa tsa;

    @TempDir
    Path dir;

    private Path rootPem;
    private byte[] archive;
    private byte[] sha256;

    @BeforeAll
    static void startTsa() throws Exception {
        pki = new TestPki();
        tsa = new TestTsa(pki);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        tsa.mode = TestTsa.Mode.GOOD;
        rootPem = TestPki.writePem(dir.resolve("root.pem"), pki.root.certificate());
        archive = ("an archive " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        sha256 = MessageDigest.getInstance("SHA-256").digest(archive);
    }

    private ArchiveSigner signer(String url, String policy, boolean cacerts, String... anchors) {
        return new ArchiveSigner(config(url, policy, cacerts, 2000, anchors));
    }

    private ArchiveSigner signer() {
        return signer(tsa.url(), "", false, rootPem.toString());
    }

    static SigningConfig config(String url, String policy, boolean cacerts, int readTimeoutMs, String... anchors) {
        return new SigningConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SigningConfig.class;
            }

            @Override
            public String tsa_url() {
                return url;
            }

            @Override
            public String tsa_policy() {
                return policy;
            }

            @Override
            public String tsa_username() {
                return "";
            }

            @Override
            public String tsa_password() {
                return "";
            }

            @Override
            public int tsa_connectTimeoutMs() {
                return 2000;
            }

            @Override
            public int tsa_readTimeoutMs() {
                return readTimeoutMs;
            }

            @Override
            public String[] trust_anchors() {
                return anchors;
            }

            @Override
            public boolean trust_jdkCacerts() {
                return cacerts;
            }
        };
    }

    @Test
    void acceptsAGoodTokenThatOpensslVerifiesToo() throws Exception {
        SignedTimestamp stamp = signer().timestamp(sha256);

        assertTrue(stamp.tsa().contains("CN=Campus Test TSA"), stamp.tsa());
        String chain = new String(stamp.chainPem(), StandardCharsets.US_ASCII);
        assertEquals(3, Pem.decode(stamp.chainPem()).size(), "signer, intermediate and root: " + chain);
        assertEquals(pki.root.certificate(), Pem.decode(stamp.chainPem()).get(2));
        TimeStampToken token = new TimeStampToken(new CMSSignedData(stamp.token()));
        assertEquals(stamp.time(), token.getTimeStampInfo().getGenTime().toInstant());

        Process openssl = openssl(stamp, archive);
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, openssl.exitValue(), out);
        assertTrue(out.contains("Verification: OK"), out);
    }

    @Test
    void opensslRefusesTheTokenForOtherBytesAsCampusDoes() throws Exception {
        ArchiveSigner signer = signer();
        SignedTimestamp stamp = signer.timestamp(sha256);
        byte[] other = "another archive".getBytes(StandardCharsets.UTF_8);

        Process openssl = openssl(stamp, other);
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS));
        assertTrue(openssl.exitValue() != 0, out);

        Verification v = signer.verify(new ByteArrayInputStream(other), stamp.token(), stamp.chainPem());
        assertFalse(v.valid());
        assertTrue(v.reason().contains("but the time-stamp covers " + HexFormat.of().formatHex(sha256)), v.reason());
    }

    private Process openssl(SignedTimestamp stamp, byte[] data) throws Exception {
        Path token = Files.write(dir.resolve("token.tst"), stamp.token());
        Path chain = Files.write(dir.resolve("chain.pem"), stamp.chainPem());
        Path file = Files.write(dir.resolve("data.bin"), data);
        return new ProcessBuilder("openssl", "ts", "-verify", "-token_in", "-in", token.toString(), "-data",
                file.toString(), "-CAfile", rootPem.toString(), "-untrusted", chain.toString())
                .redirectErrorStream(true).start();
    }

    @Test
    void verifiesAStoredArchiveAndSaysExactlyWhyNot() throws Exception {
        ArchiveSigner signer = signer();
        SignedTimestamp stamp = signer.timestamp(sha256);

        Verification ok = signer.verify(new ByteArrayInputStream(archive), stamp.token(), stamp.chainPem());
        assertTrue(ok.valid(), ok.reason());
        assertTrue(ok.reason().startsWith("Valid: the archive's SHA-256 " + HexFormat.of().formatHex(sha256)), ok.reason());
        assertTrue(ok.reason().contains("CN=Campus Test Root"), ok.reason());
        assertEquals(stamp.time(), ok.time());

        byte[] tampered = archive.clone();
        tampered[0] ^= 1;
        Verification changed = signer.verify(new ByteArrayInputStream(tampered), stamp.token(), stamp.chainPem());
        assertFalse(changed.valid());
        assertTrue(changed.reason().startsWith("The archive's SHA-256 is "), changed.reason());

        byte[] brokenToken = stamp.token().clone();
        brokenToken[brokenToken.length / 2] ^= 0x10;
        Verification broken = signer.verify(new ByteArrayInputStream(archive), brokenToken, stamp.chainPem());
        assertFalse(broken.valid());

        Verification garbage = signer.verify(new ByteArrayInputStream(archive), "no token".getBytes(),
                stamp.chainPem());
        assertFalse(garbage.valid());
        assertTrue(garbage.reason().startsWith("The stored time-stamp token cannot be read"), garbage.reason());

        Path otherRoot = TestPki.writePem(dir.resolve("other.pem"), pki.untrustedRoot.certificate());
        Verification distrusted = signer(tsa.url(), "", false, otherRoot.toString())
                .verify(new ByteArrayInputStream(archive), stamp.token(), stamp.chainPem());
        assertFalse(distrusted.valid());
        assertTrue(distrusted.reason().contains("does not chain to a configured trust anchor"), distrusted.reason());
    }

    @Test
    void theStoredChainCompletesATokenThatCarriesNoIntermediate() throws Exception {
        SignedTimestamp stamp = signer().timestamp(sha256);
        // the same token without certificates: only the stored chain names the signer and intermediate
        CMSSignedData full = new CMSSignedData(stamp.token());
        CMSSignedData bare = CMSSignedData.replaceCertificatesAndCRLs(full,
                new org.bouncycastle.util.CollectionStore<>(List.of()), null, null);
        Verification v = signer().verify(new ByteArrayInputStream(archive), bare.getEncoded(), stamp.chainPem());
        assertTrue(v.valid(), v.reason());
        Verification without = signer().verify(new ByteArrayInputStream(archive), bare.getEncoded(), new byte[0]);
        assertFalse(without.valid());
        assertTrue(without.reason().startsWith("The time-stamp carries no certificate of its signer"), without.reason());
        assertTrue(ContentInfo.getInstance(bare.getEncoded()) != null);
    }

    @ParameterizedTest
    @EnumSource(value = TestTsa.Mode.class, names = {"GOOD"}, mode = EnumSource.Mode.EXCLUDE)
    void refusesEveryMisbehaviourWithItsReason(TestTsa.Mode mode) {
        tsa.mode = mode;
        String policy = mode == TestTsa.Mode.OTHER_POLICY ? TestTsa.POLICY.getId() : "";
        ArchiveSigner signer = signer(tsa.url(), policy, false, rootPem.toString());

        TimestampException e = assertThrows(TimestampException.class, () -> signer.timestamp(sha256));

        TimestampException.Reason expected = switch (mode) {
            case WRONG_NONCE, NO_NONCE -> TimestampException.Reason.NONCE_MISMATCH;
            case WRONG_IMPRINT, SHA1_IMPRINT -> TimestampException.Reason.IMPRINT_MISMATCH;
            case OTHER_POLICY -> TimestampException.Reason.POLICY_MISMATCH;
            case BAD_SIGNATURE -> TimestampException.Reason.SIGNATURE_INVALID;
            case NO_EKU, NON_CRITICAL_EKU -> TimestampException.Reason.NO_TIMESTAMPING_EKU;
            case EXPIRED_CERTIFICATE -> TimestampException.Reason.CERTIFICATE_NOT_VALID;
            case UNTRUSTED_CHAIN -> TimestampException.Reason.UNTRUSTED_CHAIN;
            case NO_CERTIFICATES -> TimestampException.Reason.NO_SIGNER_CERTIFICATE;
            case REJECTION -> TimestampException.Reason.REJECTED;
            case GARBAGE -> TimestampException.Reason.GARBAGE;
            case HTTP_500, SLOW -> TimestampException.Reason.UNAVAILABLE;
            case GOOD -> throw new AssertionError();
        };
        assertEquals(expected, e.reason(), e.getMessage());
        switch (mode) {
            case REJECTION -> assertTrue(e.getMessage().contains("status rejection (badAlg), \"We do not like this hash\""),
                    e.getMessage());
            case HTTP_500 -> assertTrue(e.getMessage().endsWith("answered HTTP 500"), e.getMessage());
            case SLOW -> assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
            case NON_CRITICAL_EKU -> assertTrue(e.getMessage().contains("not marked critical"), e.getMessage());
            case NO_EKU -> assertTrue(e.getMessage().contains("has no extended key usage"), e.getMessage());
            case UNTRUSTED_CHAIN -> assertTrue(e.getMessage().contains("CN=Untrusted TSA"), e.getMessage());
            default -> { }
        }
        assertEquals(expected == TimestampException.Reason.UNAVAILABLE || expected == TimestampException.Reason.GARBAGE
                || expected == TimestampException.Reason.REJECTED || expected == TimestampException.Reason.NONCE_MISMATCH,
                e.retryable(), mode + " retryable");
    }

    @Test
    void aTsaThatIsDownIsUnavailableAndRetryable() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TimestampException e = assertThrows(TimestampException.class,
                () -> signer("http://127.0.0.1:" + port + "/tsa", "", false, rootPem.toString()).timestamp(sha256));
        assertEquals(TimestampException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void withoutUrlOrAnchorsSigningIsNotConfiguredAndNothingIsSent() throws Exception {
        int before = tsa.requests();
        ArchiveSigner noUrl = signer("", "", false, rootPem.toString());
        assertFalse(noUrl.isConfigured());
        TimestampException e = assertThrows(TimestampException.class, () -> noUrl.timestamp(sha256));
        assertEquals(TimestampException.Reason.NOT_CONFIGURED, e.reason());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("tsa.url"), e.getMessage());

        ArchiveSigner missingFile = signer(tsa.url(), "", false, dir.resolve("nope.pem").toString());
        assertFalse(missingFile.isConfigured());
        assertTrue(missingFile.problem().contains("nope.pem"), missingFile.problem());
        ArchiveSigner noAnchor = signer(tsa.url(), "", false);
        assertTrue(noAnchor.problem().contains("No trust anchor"), noAnchor.problem());
        assertFalse(signer("ftp://x/", "", false, rootPem.toString()).isConfigured());
        assertEquals(before, tsa.requests());
    }

    @Test
    void theRequestCarriesTheHashANonceAndAsksForTheCertificate() throws Exception {
        signer(tsa.url(), TestTsa.POLICY.getId(), false, rootPem.toString()).timestamp(sha256);
        org.bouncycastle.tsp.TimeStampRequest sent = new org.bouncycastle.tsp.TimeStampRequest(tsa.lastRequest);
        assertTrue(java.util.Arrays.equals(sha256, sent.getMessageImprintDigest()));
        assertTrue(sent.getNonce() != null && sent.getNonce().signum() != 0);
        assertTrue(sent.getCertReq());
        assertEquals(TestTsa.POLICY, sent.getReqPolicy());
        signer().timestamp(sha256);
        assertFalse(sent.getNonce().equals(new org.bouncycastle.tsp.TimeStampRequest(tsa.lastRequest).getNonce()),
                "a fresh nonce per request");
    }
}
