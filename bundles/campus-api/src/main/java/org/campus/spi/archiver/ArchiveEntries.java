package org.campus.spi.archiver;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The entries of one activity in the archive being written. Entries are written one after the
 * other (not two open at once) and become part of the archive in that order, each with its size and
 * SHA-256 in the manifest. Writing an entry counts as a heartbeat.
 */
@ProviderType
public interface ArchiveEntries {

    /**
     * Starts an entry.
     *
     * @param name a path relative to the activity's folder that {@link EntryNames#check} accepts,
     *        e.g. {@code records.json} or {@code submissions/5/essay.pdf}; unique within the activity
     * @throws IllegalArgumentException for a name {@link EntryNames#check} refuses or one already written
     */
    EntryBuilder entry(String name);

    /** How many entries this activity has written so far. */
    int count();
}
