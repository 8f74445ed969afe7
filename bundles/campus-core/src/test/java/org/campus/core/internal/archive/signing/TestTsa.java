package org.campus.core.internal.archive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpServer;

/**
 * A real time-stamp authority on loopback: BouncyCastle's TimeStampResponseGenerator behind the
 * JDK's HTTP server, answering RFC 3161 requests over HTTP. A {@link Mode} makes it misbehave in
 * exactly one way, for the negative tests.
 */
public final class TestTsa implements AutoCloseable {

    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.2.3.4.1");

    public enum Mode {
        GOOD, WRONG_NONCE, NO_NONCE, WRONG_IMPRINT, SHA1_IMPRINT, OTHER_POLICY, BAD_SIGNATURE, NO_EKU,
        NON_CRITICAL_EKU, EXPIRED_CERTIFICATE, UNTRUSTED_CHAIN, NO_CERTIFICATES, REJECTION, GARBAGE, HTTP_500, SLOW
    }

    private final TestPki pki;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger serial = new AtomicInteger(1000);
    private final AtomicInteger requests = new AtomicInteger();
    public volatile Mode mode = Mode.GOOD;
    volatile byte[] lastRequest;

    public TestTsa(TestPki pki) throws IOException {
        this.pki = pki;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/tsa", exchange -> {
            requests.incrementAndGet();
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                byte[] request = in.readAllBytes();
                lastRequest = request;
                if (mode == Mode.HTTP_500) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                if (mode == Mode.SLOW) {
                    Thread.sleep(3000);
                }
                byte[] reply;
                try {
                    reply = reply(new TimeStampRequest(request));
                } catch (Exception e) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                out.write(reply);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    public int requests() {
        return requests.get();
    }

    private byte[] reply(TimeStampRequest request) throws Exception {
        BigInteger serialNumber = BigInteger.valueOf(serial.incrementAndGet());
        Date now = new Date();
        switch (mode) {
            case GARBAGE:
                return "<html>Service temporarily moved</html>".getBytes();
            case REJECTION:
                return new TimeStampResponseGenerator(generator(pki.tsa, pki.tsa.privateKey(), true), TSPAlgorithms.ALLOWED)
                        .generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badAlg, "We do not like this hash")
                        .getEncoded();
            case WRONG_NONCE:
                return granted(pki.tsa, pki.tsa.privateKey(), true, reRequest(request.getMessageImprintDigest(),
                        request.getNonce().add(BigInteger.ONE)), serialNumber, now);
            case NO_NONCE:
                return granted(pki.tsa, pki.tsa.privateKey(), true, reRequest(request.getMessageImprintDigest(), null),
                        serialNumber, now);
            case WRONG_IMPRINT:
                return granted(pki.tsa, pki.tsa.privateKey(), true, reRequest(
                        MessageDigest.getInstance("SHA-256").digest("another archive".getBytes()), request.getNonce()),
                        serialNumber, now);
            case SHA1_IMPRINT: {
                TimeStampRequestGenerator g = new TimeStampRequestGenerator();
                g.setCertReq(true);
                TimeStampRequest sha1 = g.generate(TSPAlgorithms.SHA1, new byte[20], request.getNonce());
                return granted(pki.tsa, pki.tsa.privateKey(), true, sha1, serialNumber, now);
            }
            case OTHER_POLICY: {
                TimeStampTokenGenerator tokens = generator(pki.tsa, pki.tsa.privateKey(), true,
                        new ASN1ObjectIdentifier("1.2.3.4.99"));
                // a request without the policy, or the generator would follow the request's
                return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                        .generateGrantedResponse(reRequest(request.getMessageImprintDigest(), request.getNonce()),
                                serialNumber, now).getEncoded();
            }
            case BAD_SIGNATURE:
                return granted(pki.tsa, TestPki.keyPair().getPrivate(), true, request, serialNumber, now);
            case UNTRUSTED_CHAIN:
                return granted(pki.untrustedTsa, pki.untrustedTsa.privateKey(), true, request, serialNumber, now);
            case NO_CERTIFICATES:
                return granted(pki.tsa, pki.tsa.privateKey(), false, request, serialNumber, now);
            case NO_EKU:
                return handMade(TestPki.tsa("CN=TSA without EKU,O=Campus Tests", pki.intermediate,
                        TestPki.Usage.NONE, new Date(now.getTime() - 86_400_000).toInstant(),
                        new Date(now.getTime() + 86_400_000).toInstant()), request, serialNumber, now);
            case NON_CRITICAL_EKU:
                return handMade(TestPki.tsa("CN=TSA with a non-critical EKU,O=Campus Tests", pki.intermediate,
                        TestPki.Usage.NON_CRITICAL_TIME_STAMPING, new Date(now.getTime() - 86_400_000).toInstant(),
                        new Date(now.getTime() + 86_400_000).toInstant()), request, serialNumber, now);
            case EXPIRED_CERTIFICATE:
                return handMade(TestPki.tsa("CN=Expired TSA,O=Campus Tests", pki.intermediate,
                        TestPki.Usage.CRITICAL_TIME_STAMPING, new Date(now.getTime() - 10 * 86_400_000L).toInstant(),
                        new Date(now.getTime() - 86_400_000).toInstant()), request, serialNumber, now);
            default:
                return granted(pki.tsa, pki.tsa.privateKey(), true, request, serialNumber, now);
        }
    }

    private static TimeStampRequest reRequest(byte[] digest, BigInteger nonce) {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        return nonce == null ? g.generate(TSPAlgorithms.SHA256, digest) : g.generate(TSPAlgorithms.SHA256, digest, nonce);
    }

    private byte[] granted(TestPki.Identity tsa, PrivateKey key, boolean withCertificates, TimeStampRequest request,
            BigInteger serialNumber, Date now) throws Exception {
        TimeStampTokenGenerator tokens = generator(tsa, key, withCertificates);
        return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                .generateGrantedResponse(request, serialNumber, now).getEncoded();
    }

    private TimeStampTokenGenerator generator(TestPki.Identity tsa, PrivateKey key, boolean withCertificates)
            throws Exception {
        return generator(tsa, key, withCertificates, POLICY);
    }

    private TimeStampTokenGenerator generator(TestPki.Identity tsa, PrivateKey key, boolean withCertificates,
            ASN1ObjectIdentifier policy) throws Exception {
        DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), tsa.certificate());
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, policy);
        if (withCertificates) {
            List<X509Certificate> chain = new ArrayList<>(List.of(tsa.certificate()));
            if (tsa == pki.tsa) {
                chain.add(pki.intermediate.certificate());
            }
            tokens.addCertificates(new JcaCertStore(chain));
        }
        return tokens;
    }

    /**
     * A granted reply built by hand, as BouncyCastle's token generator refuses to sign with a
     * certificate that lacks the critical timeStamping usage.
     */
    private byte[] handMade(TestPki.Identity signerIdentity, TimeStampRequest request, BigInteger serialNumber,
            Date now) throws Exception {
        TSTInfo info = new TSTInfo(POLICY, new MessageImprint(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                request.getMessageImprintDigest()), new ASN1Integer(serialNumber), new ASN1GeneralizedTime(now), null,
                ASN1Boolean.FALSE, new ASN1Integer(request.getNonce()), null, null);
        X509Certificate cert = signerIdentity.certificate();
        byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(certHash))));
        SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
                        new AttributeTable(signingCertificate)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signerIdentity.privateKey()), cert);
        CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
        cms.addSignerInfoGenerator(signer);
        cms.addCertificates(new JcaCertStore(List.of(cert, pki.intermediate.certificate())));
        CMSSignedData signed = cms.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                info.getEncoded()), true);
        return new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), signed.toASN1Structure()).getEncoded();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
