package org.campus.transfer.moodle.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ItemBuilder;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.TransferException;

/**
 * Lists one item per course the source is actively enrolled in: the enrolment with the source's
 * roles and groups there. It conflicts when the target has anything in the same course (an
 * enrolment, or a role or group without one).
 */
final class EnrolmentListing {

    static final String COURSE_ID = "courseId";
    static final String ROLES = "roles";
    static final String GROUPS = "groups";
    static final String STAYS_NOTE = " Grades and activity data in the course stay with the source account; the LMS"
            + " recalculates learning progress after the transfer.";

    private final MoodleApi api;
    private final CourseReader reader;

    EnrolmentListing(MoodleApi api, CourseReader reader) {
        this.api = api;
        this.reader = reader;
    }

    void list(ListingRequest request, ListingContext context) throws TransferException {
        long source = MoodleIds.user(request.source());
        long target = MoodleIds.user(request.target());
        api.requireFunctions();
        List<MoodleApi.Course> courses = new ArrayList<>(api.usersCourses(source));
        courses.sort(Comparator.comparingLong(MoodleApi.Course::id));
        Set<Long> targetCourses = new HashSet<>();
        api.usersCourses(target).forEach(c -> targetCourses.add(c.id()));
        context.initProgress(courses.size());
        for (MoodleApi.Course course : courses) {
            if (context.isCancelled()) {
                return;
            }
            CourseState state = reader.read(course.id(), source, target);
            Membership sourceHas = state.source().withEnrolment(true);
            Membership targetHas = state.target().withEnrolment(state.target().enrolled()
                    || targetCourses.contains(course.id()));
            ItemBuilder item = context.item(EnrolmentObjects.itemId(course.id()), EnrolmentObjects.ITEM_TYPE)
                    .title(course.fullname() + (course.shortname().isBlank() ? "" : " (" + course.shortname() + ")"))
                    .info("Roles: " + state.roles(sourceHas.roles()) + ". Groups: " + state.groups(sourceHas.groups())
                            + "." + STAYS_NOTE)
                    .parameter(COURSE_ID, String.valueOf(course.id()))
                    .parameter(ROLES, join(sourceHas.roles()))
                    .parameter(GROUPS, join(sourceHas.groups()))
                    .course(LmsId.of(course.id()));
            if (targetHas.present()) {
                offerResolutions(item, state, sourceHas, targetHas);
            }
            item.add();
            context.incrementProgress(1);
        }
    }

    private static void offerResolutions(ItemBuilder item, CourseState state, Membership source, Membership target) {
        String targetHas = (target.enrolled() ? "enrolled" : "not enrolled, but holds roles or groups") + " with roles "
                + state.roles(target.roles()) + " and groups " + state.groups(target.groups());
        Membership merged = target.union(source);
        item.conflict("Both accounts are in this course: the target is " + targetHas + ".")
                .offer(Resolution.KEEP_SOURCE, "The target's roles and groups here become the source's (roles "
                        + state.roles(source.roles()) + ", groups " + state.groups(source.groups())
                        + "); the target's others are removed; the source is unenrolled.")
                .offer(Resolution.KEEP_TARGET, "The target keeps its roles (" + state.roles(target.roles())
                        + ") and groups (" + state.groups(target.groups()) + "); the source is unenrolled and its roles"
                        + " and groups here are removed.")
                .offer(Resolution.MERGE, "The target gets the source's roles and groups as well (roles "
                        + state.roles(merged.roles()) + ", groups " + state.groups(merged.groups())
                        + "); the source is unenrolled.")
                .recommend(Resolution.MERGE);
    }

    private static String join(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
