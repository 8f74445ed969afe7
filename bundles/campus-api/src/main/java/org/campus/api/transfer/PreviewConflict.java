package org.campus.api.transfer;

import java.util.List;

import org.campus.spi.transfer.Resolution;

/**
 * An item's clash with the target's data: what clashes and the resolutions offered (skip always among
 * them). An execution that selects the item must name one of them.
 *
 * @param recommended the provider's suggestion, or {@code null}
 */
public record PreviewConflict(String description, List<ResolutionOffer> offers, Resolution recommended) {

    public PreviewConflict {
        offers = List.copyOf(offers);
    }

    /** The offered resolutions, in the provider's order. */
    public List<Resolution> resolutions() {
        return offers.stream().map(ResolutionOffer::resolution).toList();
    }

    public boolean offers(Resolution resolution) {
        return offers.stream().anyMatch(o -> o.resolution() == resolution);
    }
}
