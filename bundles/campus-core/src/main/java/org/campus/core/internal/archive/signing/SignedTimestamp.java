package org.campus.core.internal.archive.signing;

import java.time.Instant;

/**
 * An accepted RFC 3161 time-stamp of an archive, to be stored beside it.
 *
 * @param token the time-stamp token (a CMS SignedData ContentInfo), DER; what
 *        {@code openssl ts -verify -token_in} reads
 * @param chainPem the signer's certificate and the certificates up to and including the trust
 *        anchor it chained to, PEM
 * @param time the time the TSA certifies
 * @param serial the token's serial number, hex
 * @param tsa the signer certificate's subject
 */
public record SignedTimestamp(byte[] token, byte[] chainPem, Instant time, String serial, String tsa) {
}
