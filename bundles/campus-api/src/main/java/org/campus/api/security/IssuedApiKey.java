package org.campus.api.security;

import java.util.Objects;

/**
 * A key with its secret, as returned once when the key is created or rotated. The secret is not
 * stored and cannot be read again.
 */
public record IssuedApiKey(ApiKey key, String secret) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=***]";
    }
}
