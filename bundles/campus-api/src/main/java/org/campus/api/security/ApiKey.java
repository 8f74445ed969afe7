package org.campus.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An API key as it is stored: never its secret. {@code prefix} is the public start of a generated
 * key (e.g. {@code campus_4f9k2m7q1x8z}), {@code null} for a key registered as given.
 */
public record ApiKey(String id, String name, String prefix, Set<String> scopes, Instant created, Instant rotated,
        Instant revoked) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(created, "created");
    }

    public boolean active() {
        return revoked == null;
    }
}
