package org.campus.transfer.moodle.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two accounts' memberships of one course, with the role and group names the LMS shows (for
 * messages only).
 */
record CourseState(long courseId, Membership source, Membership target, Map<Long, String> roleNames,
        Map<Long, String> groupNames) {

    CourseState {
        roleNames = Map.copyOf(roleNames);
        groupNames = Map.copyOf(groupNames);
    }

    /** True if the target has anything in the course: a transfer would meet the target's own data. */
    boolean conflicts() {
        return target.present();
    }

    boolean sameMemberships(Membership otherSource, Membership otherTarget) {
        return source.equals(otherSource) && target.equals(otherTarget);
    }

    /** What differs from the given memberships, for the admin (e.g. "the target's roles are now: teacher"). */
    String differenceFrom(Membership expectedSource, Membership expectedTarget) {
        List<String> out = new ArrayList<>();
        describe("source", expectedSource, source, out);
        describe("target", expectedTarget, target, out);
        return String.join("; ", out);
    }

    private void describe(String who, Membership expected, Membership actual, List<String> out) {
        if (expected.enrolled() != actual.enrolled()) {
            out.add("the " + who + " is " + (actual.enrolled() ? "now" : "no longer") + " enrolled");
        }
        if (!expected.roles().equals(actual.roles())) {
            out.add("the " + who + "'s roles are now " + roles(actual.roles()) + " instead of " + roles(expected.roles()));
        }
        if (!expected.groups().equals(actual.groups())) {
            out.add("the " + who + "'s groups are now " + groups(actual.groups()) + " instead of "
                    + groups(expected.groups()));
        }
    }

    String roles(Set<Long> ids) {
        return names(ids, roleNames, "role");
    }

    String groups(Set<Long> ids) {
        return names(ids, groupNames, "group");
    }

    private static String names(Set<Long> ids, Map<Long, String> names, String kind) {
        if (ids.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        for (long id : new TreeSet<>(ids)) {
            String name = names.get(id);
            out.add(name == null || name.isBlank() ? kind + " " + id : name);
        }
        return String.join(", ", out);
    }

    static Map<Long, String> merged(Map<Long, String> a, Map<Long, String> b) {
        Map<Long, String> out = new TreeMap<>(a);
        out.putAll(b);
        return out;
    }
}
