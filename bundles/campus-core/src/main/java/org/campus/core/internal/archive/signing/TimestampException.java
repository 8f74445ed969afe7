package org.campus.core.internal.archive.signing;

/**
 * A time-stamp could not be obtained, or a reply was refused; {@link #reason()} says which check,
 * the message says exactly why. {@link #retryable()} tells the archive job whether asking again
 * later may help (the TSA is down, answered garbage, or refused for a passing reason) or not (the
 * reply failed a check that a retry will fail again, or signing is not configured).
 */
public class TimestampException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** No TSA URL or unusable trust anchors. */
        NOT_CONFIGURED(false),
        /** The TSA could not be reached, timed out, or answered with an HTTP error. */
        UNAVAILABLE(true),
        /** The answer is not a time-stamp reply, or is larger than a reply can be. */
        GARBAGE(true),
        /** The TSA answered with a status other than granted. */
        REJECTED(true),
        /** The reply's nonce is not the request's. */
        NONCE_MISMATCH(true),
        /** The reply time-stamps another hash (or another algorithm) than the one sent. */
        IMPRINT_MISMATCH(false),
        /** The reply is under another policy than the one requested. */
        POLICY_MISMATCH(false),
        /** The reply carries no certificate of its signer. */
        NO_SIGNER_CERTIFICATE(false),
        /** The signer's certificate lacks a critical extended key usage of only timeStamping. */
        NO_TIMESTAMPING_EKU(false),
        /** The signer's certificate was not valid at the time-stamp's time. */
        CERTIFICATE_NOT_VALID(false),
        /** The signature does not verify with the signer's certificate. */
        SIGNATURE_INVALID(false),
        /** The signer's certificate does not chain to a configured trust anchor. */
        UNTRUSTED_CHAIN(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;

    public TimestampException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TimestampException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable;
    }
}
