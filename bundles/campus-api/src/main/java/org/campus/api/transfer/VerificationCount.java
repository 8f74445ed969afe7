package org.campus.api.transfer;

/** Where the objects of one type of one provider are after a transfer, as verification found them. */
public record VerificationCount(String provider, String objectType, int moved, int stayed, int removed, int lost) {
}
