package org.campus.core.internal.archive.signing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Certificates to and from PEM text. */
final class Pem {

    private Pem() {
    }

    static byte[] encode(List<X509Certificate> certificates) throws GeneralSecurityException {
        StringBuilder b = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate c : certificates) {
            b.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static List<X509Certificate> decode(byte[] pem) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        if (pem == null || pem.length == 0) {
            return out;
        }
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
            out.add((X509Certificate) c);
        }
        return out;
    }
}
