package org.campus.spi.transfer;

import org.osgi.annotation.versioning.ProviderType;

/** One resolution a provider offers for a conflict, with what it will do to this item's data. */
@ProviderType
public interface ResolutionOption {

    Resolution resolution();

    /** What this resolution does here, for the admin (e.g. "The target's roles (student) become the source's (teacher)"). */
    String effect();

    /** True if this resolution cannot be undone for this item (then {@link #irreversibleReason()} says why). */
    boolean irreversible();

    /** Why it cannot be undone; null if it can. */
    String irreversibleReason();
}
