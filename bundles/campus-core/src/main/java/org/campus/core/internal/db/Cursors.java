package org.campus.core.internal.db;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.campus.api.InvalidInputException;

/**
 * Keyset paging cursors, encoded so that clients treat them as opaque.
 *
 * <p>A list ordered newest first orders by its time column, then id ({@code ORDER BY time DESC, id
 * DESC}): ids come from sequences in blocks per node, so a newer row can have a smaller id and ids
 * alone never order. Its cursor names the time and id of the last item of a page
 * ({@link #after(long, long)}); the next page starts below both ({@link #keysetDesc}). Lists that
 * claim no time order (a worklist) page in id order with {@link #afterId(long)}.
 */
public final class Cursors {

    private static final String ID_PREFIX = "id:";
    private static final String TIME_PREFIX = "t:";

    /** Where a newest-first page ended: the time and id of its last item. */
    public record Position(long time, long id) {
    }

    private Cursors() {
    }

    /** The cursor of the page after an item of a newest-first list. */
    public static String after(long time, long id) {
        return encode(TIME_PREFIX + time + ":" + id);
    }

    /** The position a newest-first cursor points after, or {@code null} for the first page. */
    public static Position decode(String cursor) {
        String text = text(cursor);
        if (text == null) {
            return null;
        }
        if (text.startsWith(TIME_PREFIX)) {
            int colon = text.indexOf(':', TIME_PREFIX.length());
            if (colon > 0) {
                try {
                    return new Position(Long.parseLong(text.substring(TIME_PREFIX.length(), colon)),
                            Long.parseLong(text.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
        }
        throw notACursor();
    }

    /**
     * The condition of the rows after a {@link Position} in a newest-first list, on its time and id
     * columns, taking the parameters time, time, id ({@link #bind}). The first term lets the index on
     * {@code (..., time DESC, id DESC)} bound the scan; Derby knows no row-value comparison.
     */
    public static String keysetDesc(String timeColumn, String idColumn) {
        return timeColumn + " <= ? AND (" + timeColumn + " < ? OR " + idColumn + " < ?)";
    }

    /** Sets the parameters of {@link #keysetDesc} from {@code index}; returns the next parameter index. */
    public static int bind(java.sql.PreparedStatement ps, int index, Position after) throws java.sql.SQLException {
        ps.setLong(index, after.time());
        ps.setLong(index + 1, after.time());
        ps.setLong(index + 2, after.id());
        return index + 3;
    }

    /** The cursor of the page after an item of a list in id order. */
    public static String afterId(long id) {
        return encode(ID_PREFIX + id);
    }

    /** The id a cursor of a list in id order points after, or {@code null} for the first page. */
    public static Long decodeId(String cursor) {
        String text = text(cursor);
        if (text == null) {
            return null;
        }
        if (text.startsWith(ID_PREFIX)) {
            try {
                return Long.parseLong(text.substring(ID_PREFIX.length()));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw notACursor();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    private static InvalidInputException notACursor() {
        return new InvalidInputException("cursor", "is not a cursor returned by this list");
    }
}
