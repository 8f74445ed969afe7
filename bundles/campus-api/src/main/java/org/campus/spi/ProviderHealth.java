package org.campus.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A provider's health: {@link Status#UP}, {@link Status#DEGRADED} (works, with a problem worth
 * showing) or {@link Status#DOWN} (jobs needing it will fail), with an optional detail for people.
 *
 * @param detail one sentence, or {@code null}
 */
public record ProviderHealth(Status status, String detail) {

    /** The health states, as the HTTP API spells them: {@code up}, {@code degraded}, {@code down}. */
    public enum Status {
        UP, DEGRADED, DOWN;

        /** The lower-case name the HTTP API uses. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ProviderHealth UP = new ProviderHealth(Status.UP, null);

    public ProviderHealth {
        Objects.requireNonNull(status, "status");
    }

    public static ProviderHealth up() {
        return UP;
    }

    public static ProviderHealth up(String detail) {
        return new ProviderHealth(Status.UP, detail);
    }

    public static ProviderHealth degraded(String detail) {
        return new ProviderHealth(Status.DEGRADED, detail);
    }

    public static ProviderHealth down(String detail) {
        return new ProviderHealth(Status.DOWN, detail);
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
