package org.campus.core.internal.archive.format;

import java.util.Locale;

import org.campus.spi.archiver.EntryNames;

/**
 * Where things are in a Campus archive ({@code .tar.gz}):
 *
 * <pre>
 * campus-archive.json                   first: names the format, the job and the course
 * activities/001-workflow-17/...        each activity's entries, in its own folder
 * activities/002-roles-course/...
 * manifest.json                         last: every entry above with its size and SHA-256,
 *                                       the job, the course, the archivers and their versions
 * </pre>
 *
 * The file is a concatenation of gzip members (one for the first entry, one per activity, one for
 * the manifest and the end of the tar archive), which {@code tar xzf}, {@code gunzip} and every
 * gzip library that follows RFC 1952 read as one stream.
 */
public final class ArchiveLayout {

    /** The format's name, in the first entry and the manifest. */
    public static final String FORMAT = "campus-archive";
    /** The version of this layout; readers refuse a newer major one. */
    public static final int FORMAT_VERSION = 1;
    /** The first entry. */
    public static final String FORMAT_ENTRY = "campus-archive.json";
    /** The last entry. */
    public static final String MANIFEST_ENTRY = "manifest.json";
    /** The media type of an archive. */
    public static final String CONTENT_TYPE = "application/gzip";

    private ArchiveLayout() {
    }

    /**
     * The folder of the {@code index}-th activity (from 1), e.g. {@code activities/001-workflow-17/}:
     * unique by its number, readable by its type and id (characters other than letters, digits,
     * {@code .}, {@code _} and {@code -} become {@code _}, at most 64 of them).
     */
    public static String activityFolder(int index, String type, String id) {
        String folder = String.format(Locale.ROOT, "activities/%03d-%s-%s/", index, clean(type), clean(id));
        EntryNames.check(folder.substring(0, folder.length() - 1));
        return folder;
    }

    private static String clean(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-' ? c : '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }
}
