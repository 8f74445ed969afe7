package org.campus.core.internal.archive.format;

import java.util.Set;

/**
 * An archive as written: its size and SHA-256 (what the time-stamp covers), how many entries it
 * has (the manifest not counted) and whose personal data it holds.
 *
 * @param sha256 64 lower-case hex digits
 */
public record AssembledArchive(long size, String sha256, int entries, Set<String> dataSubjects) {

    public AssembledArchive {
        dataSubjects = Set.copyOf(dataSubjects);
    }
}
