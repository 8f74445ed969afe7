package org.campus.core.internal.archive.format;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an archive says about itself in its first entry and its manifest.
 *
 * @param generator what wrote it, e.g. {@code Campus 0.1.0}
 */
public record ArchiveHeader(String jobId, String courseId, Instant created, String generator,
        List<ArchiverInfo> archivers, List<ActivityInfo> activities) {

    public ArchiveHeader {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(created, "created");
        archivers = List.copyOf(archivers);
        activities = List.copyOf(activities);
    }

    /** An archiver that wrote activities of the archive, with the version of its bundle. */
    public record ArchiverInfo(String id, String bundle, String version, List<String> activityTypes) {
        public ArchiverInfo {
            activityTypes = List.copyOf(activityTypes);
        }
    }

    /** One archived activity and the folder holding its entries. */
    public record ActivityInfo(String type, String id, String archiver, String folder) {
    }
}
