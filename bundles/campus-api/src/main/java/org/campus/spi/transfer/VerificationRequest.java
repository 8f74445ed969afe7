package org.campus.spi.transfer;

import org.osgi.annotation.versioning.ProviderType;

/** Asks a provider where the objects of a past transfer are now. */
@ProviderType
public interface VerificationRequest extends TransferRequest {

    String transferId();

    /** How many items {@link #items()} yields. */
    long itemCount();

    /** Every selected item of this provider with its outcome and record. Iterate once. */
    Iterable<TransferredItem> items();
}
