package org.campus.api.security;

import java.util.Locale;
import java.util.Optional;

/** Who made a change: an administrator, an LMS client, or Campus itself. */
public enum ActorKind {
    ADMIN, LMS, SYSTEM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActorKind> fromCode(String code) {
        for (ActorKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
