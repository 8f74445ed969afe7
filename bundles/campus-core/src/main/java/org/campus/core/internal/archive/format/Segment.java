package org.campus.core.internal.archive.format;

import java.nio.file.Path;

/** A finished segment: an activity's gzip member of tar entries, and its index. */
public record Segment(ArchiveHeader.ActivityInfo activity, Path data, Path index) {
}
