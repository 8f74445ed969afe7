package org.campus.spi.transfer;

import org.osgi.annotation.versioning.ProviderType;

/** Asks a provider what it could transfer from the source to the target. */
@ProviderType
public interface ListingRequest extends TransferRequest {
}
