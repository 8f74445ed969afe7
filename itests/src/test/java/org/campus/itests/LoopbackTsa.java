package org.campus.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import com.sun.net.httpserver.HttpServer;

/**
 * A real RFC 3161 time-stamp authority on loopback for the itests: BouncyCastle's
 * TimeStampResponseGenerator behind the JDK's HTTP server, with a root CA and a TSA certificate
 * (critical timeStamping usage) generated at start.
 */
final class LoopbackTsa implements AutoCloseable {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final X509Certificate root;
    private final KeyPair tsaKeys;
    private final X509Certificate tsa;
    volatile boolean garbage;

    LoopbackTsa() throws Exception {
        KeyPair rootKeys = keyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder r = new JcaX509v3CertificateBuilder(new X500Name("CN=ArchiveIT Root"),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=ArchiveIT Root"), rootKeys.getPublic());
        r.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        r.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        root = sign(r, rootKeys);
        tsaKeys = keyPair();
        X509v3CertificateBuilder t = new JcaX509v3CertificateBuilder(new X500Name("CN=ArchiveIT Root"),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name("CN=ArchiveIT TSA"), tsaKeys.getPublic());
        t.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        t.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        t.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        tsa = sign(t, rootKeys);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/tsa", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                byte[] reply;
                try {
                    reply = garbage ? "<html>moved</html>".getBytes(StandardCharsets.US_ASCII)
                            : reply(new TimeStampRequest(in.readAllBytes()));
                } catch (Exception e) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                out.write(reply);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    /** Writes the root certificate as PEM: the trust anchor to configure. */
    Path writeRoot(Path file) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return file;
    }

    private byte[] reply(TimeStampRequest request) throws Exception {
        DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(tsaKeys.getPrivate()), tsa);
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256,
                new ASN1ObjectIdentifier("1.2.3.4.1"));
        tokens.addCertificates(new JcaCertStore(List.of(tsa)));
        return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                .generateGrantedResponse(request, BigInteger.valueOf(SERIAL.incrementAndGet()), new Date()).getEncoded();
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    /**
     * Makes this authority the one archive jobs are signed by ({@code tsa.url} and the trust anchor of
     * {@code campus.archive.signing}), and waits until the container took it up: until then a job asking
     * to be signed is refused (400, sign).
     */
    void configureArchiveSigning(BundleContext context, Http lms) throws Exception {
        Path root = writeRoot(Files.createTempFile("archive-it-root", ".pem"));
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        tracker.open();
        try {
            ConfigurationAdmin admin = tracker.waitForService(60_000);
            if (admin == null) {
                throw new AssertionError("no ConfigurationAdmin in 60 s");
            }
            Configuration signing = admin.getConfiguration("campus.archive.signing", null);
            Dictionary<String, Object> p = signing.getProperties() == null ? new Hashtable<>() : signing.getProperties();
            p.put("tsa.url", url());
            p.put("trust.anchors", root.toString());
            p.put("trust.jdkCacerts", "false");
            signing.update(p);
        } finally {
            tracker.close();
        }
        Await.until("the TSA configuration taken up", Duration.ofSeconds(60), () -> {
            Http.Answer a = lms.postJson("/archive/jobs", "{\"courseId\": \"probe\", \"sign\": true, \"awaitUploads\":"
                    + " true, \"activities\": [{\"type\": \"files\", \"id\": 1}]}");
            if (a.status() == 201) {
                if (lms.delete("/archive/jobs/" + a.json().get("id").asLong()).status() != 204) {
                    throw new AssertionError("the probe job was not deleted");
                }
            }
            return a.status();
        }, status -> status == 201);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
