package org.campus.api.transfer;

import org.campus.spi.transfer.Resolution;

/**
 * One resolution a provider offers for a conflicting item, with what it does there.
 *
 * @param irreversibleReason why this resolution cannot be undone here; {@code null} if it can
 */
public record ResolutionOffer(Resolution resolution, String effect, boolean irreversible, String irreversibleReason) {
}
