package org.campus.spi.archiver;

import java.nio.charset.StandardCharsets;

/**
 * The rules for names of entries inside an archive, and of files uploaded into a job: a relative
 * path of segments separated by {@code /}, at most {@value #MAX_BYTES} bytes of UTF-8 in all and
 * {@value #MAX_SEGMENT_BYTES} per segment; no empty segment (so no leading, trailing or double
 * {@code /}), no {@code .} or {@code ..} segment, no control character, no backslash and no colon
 * (which some systems read as separators or drive letters). Other Unicode characters and spaces
 * are fine ({@code Übung 1 (final).pdf}). Whoever extracts an archive on any system then gets no file
 * outside the folder they extract into.
 */
public final class EntryNames {

    public static final int MAX_BYTES = 1024;
    public static final int MAX_SEGMENT_BYTES = 255;

    private EntryNames() {
    }

    /** Why the name is refused, or {@code null} when it is valid. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "is longer than " + MAX_BYTES + " bytes of UTF-8";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "holds a control character";
            }
            if (c == '\\' || c == ':') {
                return "holds a '" + c + "'";
            }
            if (Character.isSurrogate(c) && !validSurrogate(name, i)) {
                return "holds an unpaired surrogate";
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty()) {
                return "has an empty segment (a leading, trailing or double '/')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "has a '" + segment + "' segment";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return "has a segment longer than " + MAX_SEGMENT_BYTES + " bytes of UTF-8";
            }
        }
        return null;
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    /**
     * Returns the name when valid.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static String check(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("The entry name " + printable(name) + " " + problem);
        }
        return name;
    }

    private static String printable(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("'");
        name.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.append(name.length() > 80 ? "...'" : "'").toString();
    }
}
