package org.campus.core.internal.archive.signing;

import java.time.Instant;

/**
 * The outcome of verifying an archive against its stored time-stamp.
 *
 * @param reason for a valid archive, what was verified (when, by whom, up to which root); for an
 *        invalid one, exactly which check failed and why
 * @param time the time-stamp's time, when the token could be read
 * @param tsa the signer's subject, when known
 */
public record Verification(boolean valid, String reason, Instant time, String tsa) {

    static Verification invalid(String reason) {
        return new Verification(false, reason, null, null);
    }
}
