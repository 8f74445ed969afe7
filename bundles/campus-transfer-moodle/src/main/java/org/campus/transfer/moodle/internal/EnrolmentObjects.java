package org.campus.transfer.moodle.internal;

import java.util.ArrayList;
import java.util.List;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ChangeAction;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.ObjectFate;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.UndoRecordBuilder;

/**
 * The objects of a course enrolment item (the enrolment, each role assignment, each group
 * membership): how a plan records them in the undo record, and where verification finds them.
 */
final class EnrolmentObjects {

    static final String ITEM_TYPE = "enrolment";
    static final String ENROLMENT = "enrolment";
    static final String ROLE = "role-assignment";
    static final String GROUP = "group-membership";

    private EnrolmentObjects() {
    }

    static String itemId(long courseId) {
        return "enrolment:" + courseId;
    }

    static String enrolmentId(long courseId) {
        return "course:" + courseId;
    }

    static String roleId(long courseId, long roleId) {
        return "course:" + courseId + "/role:" + roleId;
    }

    static String groupId(long courseId, long groupId) {
        return "course:" + courseId + "/group:" + groupId;
    }

    /** One object of a membership, for the record and for verification. */
    record MemberObject(String type, String id, long moodleId) {

        boolean in(Membership membership) {
            return switch (type) {
                case ENROLMENT -> membership.enrolled();
                case ROLE -> membership.roles().contains(moodleId);
                default -> membership.groups().contains(moodleId);
            };
        }
    }

    static List<MemberObject> objects(long courseId, Membership membership) {
        List<MemberObject> out = new ArrayList<>();
        if (membership.enrolled()) {
            out.add(new MemberObject(ENROLMENT, enrolmentId(courseId), courseId));
        }
        membership.roles().forEach(r -> out.add(new MemberObject(ROLE, roleId(courseId, r), r)));
        membership.groups().forEach(g -> out.add(new MemberObject(GROUP, groupId(courseId, g), g)));
        return out;
    }

    /**
     * Records the plan's objects: the source's are moved to the target (or deleted, when the
     * target's side is kept); the target's own are kept, or deleted when the source's replace them.
     */
    static UndoRecordBuilder record(UndoRecordBuilder builder, EnrolmentPlan plan, LmsId source, LmsId target) {
        long course = plan.courseId();
        for (MemberObject object : objects(course, plan.sourceBefore())) {
            if (plan.resolution() != Resolution.KEEP_TARGET && object.in(plan.targetAfter())) {
                builder.moved(object.type(), object.id(), source, target);
            } else {
                builder.deleted(object.type(), object.id(), source, plan.sourceBefore().toJson().toString());
            }
        }
        for (MemberObject object : objects(course, plan.targetBefore())) {
            if (object.in(plan.targetAfter())) {
                builder.kept(object.type(), object.id(), target);
            } else {
                builder.deleted(object.type(), object.id(), target, plan.targetBefore().toJson().toString());
            }
        }
        return builder.data(plan.toJson()).formatVersion(EnrolmentPlan.FORMAT);
    }

    static ObjectFate expected(ChangeAction action) {
        return switch (action) {
            case MOVED, CREATED, UPDATED -> ObjectFate.MOVED;
            case DELETED -> ObjectFate.REMOVED;
            case KEPT -> ObjectFate.STAYED;
        };
    }

    /** Where a recorded object is now, given the two accounts' current memberships. */
    static ObjectFate actual(ObjectChange change, CourseState now, String sourceId) {
        MemberObject object = parse(change);
        boolean atSource = object.in(now.source());
        boolean atTarget = object.in(now.target());
        boolean previouslySource = change.previousOwner() != null && change.previousOwner().value().equals(sourceId);
        return switch (change.action()) {
            case MOVED, CREATED, UPDATED -> atTarget ? ObjectFate.MOVED : atSource ? ObjectFate.STAYED : ObjectFate.LOST;
            case DELETED -> (previouslySource ? atSource : atTarget) ? ObjectFate.STAYED : ObjectFate.REMOVED;
            case KEPT -> atTarget ? ObjectFate.STAYED : ObjectFate.LOST;
        };
    }

    static MemberObject parse(ChangeAction action, String type, String id) {
        String last = id.substring(id.lastIndexOf(':') + 1);
        return new MemberObject(type, id, Long.parseLong(last));
    }

    private static MemberObject parse(ObjectChange change) {
        return parse(change.action(), change.objectType(), change.objectId());
    }
}
