package org.campus.spi.storage;

/**
 * The rules for the names of stored objects, which the core follows and every driver enforces:
 * a relative path of 1 to {@value #MAX_SEGMENTS} segments separated by {@code /}, each segment 1 to
 * {@value #MAX_SEGMENT_LENGTH} characters of ASCII letters, digits, {@code .}, {@code _} and
 * {@code -}, beginning with a letter or digit (so no {@code .} or {@code ..}, no hidden names, no
 * absolute path, no backslash, no control or non-ASCII character), at most
 * {@value #MAX_LENGTH} characters in all. Such a name means the same on every file system and
 * object store, and names beginning with a dot stay free for a driver's own temporary files.
 */
public final class ArchiveNames {

    public static final int MAX_LENGTH = 512;
    public static final int MAX_SEGMENTS = 8;
    public static final int MAX_SEGMENT_LENGTH = 128;

    private ArchiveNames() {
    }

    /** Why the name is refused, or {@code null} when it is a valid archive name. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        int segments = 0;
        int start = 0;
        while (start <= name.length()) {
            int end = name.indexOf('/', start);
            if (end < 0) {
                end = name.length();
            }
            String problem = segmentProblem(name, start, end);
            if (problem != null) {
                return problem;
            }
            if (++segments > MAX_SEGMENTS) {
                return "has more than " + MAX_SEGMENTS + " segments";
            }
            start = end + 1;
        }
        return null;
    }

    private static String segmentProblem(String name, int start, int end) {
        if (end == start) {
            return "has an empty segment (a leading, trailing or double '/')";
        }
        if (end - start > MAX_SEGMENT_LENGTH) {
            return "has a segment longer than " + MAX_SEGMENT_LENGTH + " characters";
        }
        if (!isLetterOrDigit(name.charAt(start))) {
            return "has a segment that does not begin with a letter or digit";
        }
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return "holds a character other than ASCII letters, digits, '.', '_', '-' and '/'";
            }
        }
        return null;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
            throw new IllegalArgumentException("The archive name " + quote(name) + " " + problem);
        }
        return name;
    }

    private static String quote(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < Math.min(name.length(), 80); i++) {
            char c = name.charAt(i);
            b.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return b.append(name.length() > 80 ? "...'" : "'").toString();
    }
}
