package org.campus.core.internal.archive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The roots a TSA's certificate must chain to: PEM files from the configuration (a relative path is
 * taken from the Karaf base directory), and optionally the JDK's.
 */
final class TrustAnchors {

    private TrustAnchors() {
    }

    /**
     * @throws TimestampException {@link TimestampException.Reason#NOT_CONFIGURED} naming a file that
     *         cannot be read or holds no certificate, or when no anchor results
     */
    static Set<TrustAnchor> load(String[] pemFiles, boolean jdkCacerts) throws TimestampException {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (String file : pemFiles) {
            if (file == null || file.isBlank()) {
                continue;
            }
            Path path = Path.of(file.trim());
            String base = System.getProperty("karaf.base");
            if (!path.isAbsolute() && base != null) {
                path = Path.of(base).resolve(path);
            }
            try (InputStream in = Files.newInputStream(path)) {
                Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certs.isEmpty()) {
                    throw new TimestampException(TimestampException.Reason.NOT_CONFIGURED,
                            "The trust anchor file " + path + " holds no certificate");
                }
                certs.forEach(c -> anchors.add(new TrustAnchor((X509Certificate) c, null)));
            } catch (IOException | GeneralSecurityException e) {
                throw new TimestampException(TimestampException.Reason.NOT_CONFIGURED,
                        "The trust anchor file " + path + " cannot be read: " + e.getMessage(), e);
            }
        }
        if (jdkCacerts) {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                for (TrustManager tm : tmf.getTrustManagers()) {
                    if (tm instanceof X509TrustManager x) {
                        for (X509Certificate c : x.getAcceptedIssuers()) {
                            anchors.add(new TrustAnchor(c, null));
                        }
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new TimestampException(TimestampException.Reason.NOT_CONFIGURED,
                        "The Java runtime's trust store cannot be read: " + e.getMessage(), e);
            }
        }
        if (anchors.isEmpty()) {
            throw new TimestampException(TimestampException.Reason.NOT_CONFIGURED,
                    "No trust anchor is configured (trust.anchors, trust.jdkCacerts)");
        }
        return anchors;
    }
}
