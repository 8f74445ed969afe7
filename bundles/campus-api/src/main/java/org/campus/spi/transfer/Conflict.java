package org.campus.spi.transfer;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The source's item clashes with data the target already has (both accounts passed the same test,
 * both are enrolled in the same course). The admin must pick one of the offered resolutions before
 * the item can be transferred; {@link Resolution#SKIP} is always among them.
 */
@ProviderType
public interface Conflict {

    /** What clashes, for the admin (e.g. "Both accounts are enrolled in this course"). */
    String description();

    /** The resolutions offered, in the provider's order; never empty, always includes SKIP. */
    List<ResolutionOption> options();

    /** The resolution the provider suggests, if it has a preference; always one of the offered. */
    Optional<Resolution> recommended();

    /** The offered option for a resolution, or empty if the provider does not offer it here. */
    default Optional<ResolutionOption> option(Resolution resolution) {
        return options().stream().filter(o -> o.resolution() == resolution).findFirst();
    }
}
