package org.campus.transfer.moodle.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.campus.spi.transfer.TransferException;

/**
 * Brings the two accounts' memberships of a course from one state to another through the LMS: first
 * everything either account gains (enrolment, roles, groups), then everything it loses, so that no
 * account is ever left with less than both states have in common, and a failure half way loses
 * nothing. Each step is idempotent in Moodle, so a repeated change is harmless.
 */
final class MembershipChanger {

    private final MoodleApi api;
    private final long enrolRoleId;

    MembershipChanger(MoodleApi api, long enrolRoleId) {
        this.api = api;
        this.enrolRoleId = enrolRoleId;
    }

    void change(long courseId, long sourceId, Membership sourceFrom, Membership sourceTo, long targetId,
            Membership targetFrom, Membership targetTo) throws TransferException {
        Membership targetNow = grant(courseId, targetId, targetFrom, targetTo);
        Membership sourceNow = grant(courseId, sourceId, sourceFrom, sourceTo);
        revoke(courseId, sourceId, sourceNow, sourceTo);
        revoke(courseId, targetId, targetNow, targetTo);
    }

    /** Adds what {@code to} has and {@code from} lacks; returns the membership the LMS then holds. */
    private Membership grant(long courseId, long userId, Membership from, Membership to) throws TransferException {
        Membership now = from;
        if (!from.enrolled() && to.enrolled()) {
            long role = to.roles().stream().filter(r -> !from.roles().contains(r)).findFirst()
                    .orElse(to.roles().isEmpty() ? enrolRoleId : to.roles().first());
            api.enrol(userId, courseId, role);
            now = now.withEnrolment(true).withRole(role);
        }
        api.assignRoles(userId, courseId, missing(to.roles(), now.roles()));
        api.addGroupMembers(userId, missing(to.groups(), now.groups()));
        return now.union(new Membership(now.enrolled(), to.roles(), to.groups()));
    }

    /** Removes what {@code now} has and {@code to} lacks: groups, then roles, then the enrolment. */
    private void revoke(long courseId, long userId, Membership now, Membership to) throws TransferException {
        api.deleteGroupMembers(userId, missing(now.groups(), to.groups()));
        api.unassignRoles(userId, courseId, missing(now.roles(), to.roles()));
        if (now.enrolled() && !to.enrolled()) {
            api.unenrol(userId, courseId);
        }
    }

    private static List<Long> missing(SortedSet<Long> wanted, SortedSet<Long> have) {
        SortedSet<Long> out = new TreeSet<>(wanted);
        out.removeAll(have);
        return new ArrayList<>(out);
    }
}
