package org.campus.core.internal.db;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.campus.api.InvalidInputException;

/**
 * Keyset paging cursors. A cursor names the id of the last item of a page; lists are ordered by
 * descending id (newest first), so the next page starts below it. Encoded so that clients treat
 * it as opaque.
 */
public final class Cursors {

    private static final String PREFIX = "id:";

    private Cursors() {
    }

    public static String afterId(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id the cursor points after, or {@code null} for the first page. */
    public static Long decodeId(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // fall through: NumberFormatException is an IllegalArgumentException too
        }
        throw new InvalidInputException("cursor", "is not a cursor returned by this list");
    }
}
