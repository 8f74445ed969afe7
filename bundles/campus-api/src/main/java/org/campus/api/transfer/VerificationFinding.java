package org.campus.api.transfer;

import org.campus.spi.transfer.ObjectFate;

/**
 * An object that is not where the transfer meant it to be.
 *
 * @param itemId the qualified item id
 * @param detail what the provider says about it, or {@code null}
 */
public record VerificationFinding(String itemId, String objectType, String objectId, ObjectFate expected,
        ObjectFate actual, String detail) {
}
