package org.campus.api.archive;

import java.time.Instant;

/**
 * The outcome of re-reading a stored archive and checking it against its manifest and its stored
 * time-stamp.
 *
 * @param reason for a valid archive, what was verified; else exactly which check failed and why
 * @param timestamped the time-stamp's time, when it could be read
 * @param tsa the TSA certificate's subject, when known
 */
public record ArchiveVerification(boolean valid, String reason, Instant timestamped, String tsa) {
}
