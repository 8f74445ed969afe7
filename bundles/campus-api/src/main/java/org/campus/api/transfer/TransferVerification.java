package org.campus.api.transfer;

import java.time.Instant;
import java.util.List;

/**
 * The verification of a transfer: where every recorded object is now, summed per provider and
 * object type, and whether anything does not add up ({@code flagged}, with the {@code reasons}):
 * an object not where the transfer meant it to be, an object lost, or a selected item that was
 * neither transferred nor skipped.
 *
 * @param findings the first findings (at most {@link #MAX_FINDINGS}); {@code findingCount} counts all
 */
public record TransferVerification(boolean flagged, List<String> reasons, List<VerificationCount> counts,
        List<VerificationFinding> findings, int findingCount, Instant time) {

    public static final int MAX_FINDINGS = 100;

    public TransferVerification {
        reasons = List.copyOf(reasons);
        counts = List.copyOf(counts);
        findings = List.copyOf(findings);
    }
}
