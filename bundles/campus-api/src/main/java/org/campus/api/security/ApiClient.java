package org.campus.api.security;

import java.util.Objects;
import java.util.Set;

/** An authenticated LMS client: the key it presented (by id and name) and the scopes it holds. */
public record ApiClient(String keyId, String name, Set<String> scopes) {

    public ApiClient {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(name, "name");
        scopes = Set.copyOf(scopes);
    }

    /** Whether the client may call routes of the scope. */
    public boolean holds(String scope) {
        return scopes.contains(Scopes.ALL) || scopes.contains(scope);
    }
}
