package org.campus.core.internal.archive.format;

import java.time.Instant;

/**
 * One entry of an archive, as the manifest lists it.
 *
 * @param name the full name in the archive
 * @param sha256 64 lower-case hex digits
 */
public record EntryRecord(String name, long size, String sha256, String contentType, Instant modified) {
}
