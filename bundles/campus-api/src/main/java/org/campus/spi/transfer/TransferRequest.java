package org.campus.spi.transfer;

import org.osgi.annotation.versioning.ProviderType;

/** The two accounts every call is about: data moves from {@link #source()} to {@link #target()}. */
@ProviderType
public interface TransferRequest {

    /** The account the data comes from (the duplicate). */
    TransferUser source();

    /** The account the data goes to. */
    TransferUser target();
}
