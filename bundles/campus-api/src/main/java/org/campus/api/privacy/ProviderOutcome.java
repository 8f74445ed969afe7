package org.campus.api.privacy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * What one provider did in one erasure.
 *
 * @param deleted the records it deleted (when {@link Outcome#DONE})
 * @param reason why it failed or was absent; {@code null} otherwise
 * @param time when the outcome was recorded; {@code null} while pending
 */
public record ProviderOutcome(String provider, Outcome outcome, int deleted, String reason, Instant time) {

    public enum Outcome {
        /** Not asked yet. */
        PENDING("pending"),
        /** Deleted what it holds. */
        DONE("done"),
        /** Was asked and failed; asked again by the next attempt. */
        FAILED("failed"),
        /** Expected (seen before) but not registered when the erasure reached it. */
        ABSENT("absent");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Outcome> fromCode(String code) {
            return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
        }
    }
}
