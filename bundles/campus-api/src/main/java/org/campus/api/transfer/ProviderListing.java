package org.campus.api.transfer;

import java.util.Optional;

/**
 * What one transfer provider answered to a preview.
 *
 * @param provider its id
 * @param title its title, or {@code null}
 * @param undo whether it can undo its transfers (without, every item of it is irreversible)
 * @param items how many items it listed
 * @param outcome {@code listed}, or {@code failed} with the {@code message} for the admin
 */
public record ProviderListing(String provider, String title, boolean undo, int items, Outcome outcome,
        String message) {

    /** Whether the provider answered. */
    public enum Outcome {
        LISTED, FAILED;

        public String code() {
            return Codes.code(this);
        }

        public static Optional<Outcome> fromCode(String code) {
            return Codes.parse(Outcome.class, code);
        }
    }
}
