package org.campus.transfer.moodle.internal;

import java.util.Map;
import java.util.TreeMap;

import org.campus.spi.transfer.TransferException;

/** Reads the two accounts' memberships of one course from the LMS, in one call. */
final class CourseReader {

    private final MoodleApi api;

    CourseReader(MoodleApi api) {
        this.api = api;
    }

    CourseState read(long courseId, long sourceId, long targetId) throws TransferException {
        Map<Long, MoodleApi.Profile> profiles = api.courseProfiles(courseId, sourceId, targetId);
        MoodleApi.Profile source = profiles.get(sourceId);
        MoodleApi.Profile target = profiles.get(targetId);
        Map<Long, String> roleNames = new TreeMap<>();
        Map<Long, String> groupNames = new TreeMap<>();
        for (MoodleApi.Profile profile : profiles.values()) {
            roleNames.putAll(profile.roles());
            groupNames.putAll(profile.groups());
        }
        return new CourseState(courseId, membership(source, courseId), membership(target, courseId), roleNames,
                groupNames);
    }

    private static Membership membership(MoodleApi.Profile profile, long courseId) {
        if (profile == null) {
            return Membership.NONE;
        }
        return new Membership(profile.enrolledCourses().contains(courseId), new java.util.TreeSet<>(profile.roles().keySet()),
                new java.util.TreeSet<>(profile.groups().keySet()));
    }
}
