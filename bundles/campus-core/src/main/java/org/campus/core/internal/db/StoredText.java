package org.campus.core.internal.db;

/**
 * What text may be stored, on both databases: PostgreSQL refuses the NUL character in text columns
 * (Derby stores it), so a value holding one must be refused as bad input before it reaches either.
 * Ids (LMS ids) hold no control character at all.
 */
public final class StoredText {

    private StoredText() {
    }

    /** Whether {@code text} holds a NUL character, which PostgreSQL cannot store. */
    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Whether {@code text} holds a control character (an id must not: it would be stored and logged as is). */
    public static boolean hasControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
