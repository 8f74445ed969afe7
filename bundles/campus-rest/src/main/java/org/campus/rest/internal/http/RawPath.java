package org.campus.rest.internal.http;

import java.util.Locale;

/**
 * Refuses request paths that mean something else once decoded: an encoded slash, backslash or
 * dot ({@code 3%2F..} would otherwise reach a different route after the container normalises it),
 * a NUL or other control character, and dot segments.
 */
final class RawPath {

    private static final String[] ENCODED = {"%2f", "%5c", "%2e", "%00"};

    private RawPath() {
    }

    /** Why the path is refused, or {@code null} when it is acceptable. */
    static String refusal(String rawUri, String decodedPath) {
        if (rawUri != null && rawUri.indexOf('%') >= 0) { // the common path has no escapes: no copy
            String lower = rawUri.toLowerCase(Locale.ROOT);
            for (String e : ENCODED) {
                if (lower.contains(e)) {
                    return "must not hold an encoded slash, backslash, dot or NUL";
                }
            }
        }
        if (decodedPath != null) {
            if (decodedPath.chars().anyMatch(Character::isISOControl)) {
                return "must not hold control characters";
            }
            if (decodedPath.contains("//") || decodedPath.contains("/./") || decodedPath.contains("/../")
                    || decodedPath.endsWith("/.") || decodedPath.endsWith("/..")) {
                return "must not hold empty or dot segments";
            }
        }
        return null;
    }
}
