package org.campus.api.security;

import java.util.regex.Pattern;

/**
 * The scopes an API key may hold. A scope names a group of routes (the first path segment of the
 * API, e.g. {@code share-progress}); {@link #ALL} grants every scope. New services bring new
 * scopes, so any well-formed name is accepted.
 */
public final class Scopes {

    public static final String ALL = "*";
    public static final String SHARE_PROGRESS = "share-progress";
    public static final String PRIVACY = "privacy";
    public static final String API = "api";
    public static final String AUDIT = "audit";
    public static final String API_KEYS = "api-keys";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private Scopes() {
    }

    /** {@code *} or a lower-case name of letters, digits and dashes, at most 63 characters. */
    public static boolean isWellFormed(String scope) {
        return scope != null && (ALL.equals(scope) || NAME.matcher(scope).matches());
    }
}
