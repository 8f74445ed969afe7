package org.campus.core.internal.job;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.campus.api.InvalidInputException;

/**
 * A keyset cursor over a list ordered by a time column, then id: it names the time and id of the
 * last item of a page. Ids come in blocks per node and never order by themselves
 * (docs/PERSISTENCE.md). Encoded so that clients treat it as opaque.
 */
record TimeIdCursor(long time, long id) {

    private static final String PREFIX = "t:";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + time + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or {@code null} for the first page. */
    static TimeIdCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                String[] parts = text.substring(PREFIX.length()).split(":", -1);
                if (parts.length == 2) {
                    return new TimeIdCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through: NumberFormatException is an IllegalArgumentException too
        }
        throw new InvalidInputException("cursor", "is not a cursor returned by this list");
    }
}
