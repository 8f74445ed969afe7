package org.campus.transfer.moodle.internal;

import org.campus.spi.LogLevel;
import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferredItem;
import org.campus.spi.transfer.UndoContext;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRefusal;
import org.campus.spi.transfer.UndoRequest;

/**
 * Restores the memberships a course had before the transfer, from the plan in the undo record. A
 * transferred item is undone only while the course is exactly as the transfer left it; anything
 * changed since (a role given, a group left, the source enrolled again) refuses the item rather
 * than overwrite it. The result is read back from the LMS and compared with the state before.
 */
final class EnrolmentUndo {

    private final CourseReader reader;
    private final MembershipChanger changer;

    EnrolmentUndo(CourseReader reader, MembershipChanger changer) {
        this.reader = reader;
        this.changer = changer;
    }

    void undo(UndoRequest request, UndoContext context) throws TransferException {
        long source = MoodleIds.user(request.source());
        long target = MoodleIds.user(request.target());
        context.initProgress(request.itemCount());
        for (TransferredItem item : request.items()) {
            undoOne(item, source, target, request.dryRun(), context);
            context.incrementProgress(1);
        }
    }

    private void undoOne(TransferredItem item, long source, long target, boolean dryRun, UndoContext context)
            throws TransferException {
        String itemId = item.item().id();
        UndoRecord record = item.undoRecord().orElse(null);
        if (record == null) {
            context.refused(itemId, UndoRefusal.NOT_SUPPORTED, "The transfer recorded nothing to undo for this item.");
            return;
        }
        EnrolmentPlan plan;
        try {
            plan = EnrolmentPlan.fromJson(record.data());
        } catch (IllegalArgumentException e) {
            context.refused(itemId, UndoRefusal.NOT_SUPPORTED, "The undo record is not one this provider wrote ("
                    + e.getMessage() + ").");
            return;
        }
        if (plan.sourceId() != source || plan.targetId() != target) {
            context.refused(itemId, UndoRefusal.NOT_SUPPORTED, "The undo record is of other accounts ("
                    + plan.sourceId() + " to " + plan.targetId() + ").");
            return;
        }
        try {
            CourseState now = reader.read(plan.courseId(), source, target);
            if (now.sameMemberships(plan.sourceBefore(), plan.targetBefore())) {
                context.undone(itemId);
                return;
            }
            if (item.outcome() == ItemOutcome.TRANSFERRED
                    && !now.sameMemberships(plan.sourceAfter(), plan.targetAfter())) {
                CourseState names = new CourseState(now.courseId(), now.source(), now.target(),
                        CourseState.merged(plan.roleNames(), now.roleNames()),
                        CourseState.merged(plan.groupNames(), now.groupNames()));
                context.refused(itemId, UndoRefusal.CHANGED_SINCE, "Changed since the transfer: "
                        + names.differenceFrom(plan.sourceAfter(), plan.targetAfter()) + ".");
                return;
            }
            if (dryRun) {
                context.undone(itemId);
                return;
            }
            changer.change(plan.courseId(), source, now.source(), plan.sourceBefore(), target, now.target(),
                    plan.targetBefore());
            CourseState after = reader.read(plan.courseId(), source, target);
            if (!after.sameMemberships(plan.sourceBefore(), plan.targetBefore())) {
                context.refused(itemId, UndoRefusal.FAILED, "After the undo the LMS shows: "
                        + after.differenceFrom(plan.sourceBefore(), plan.targetBefore()) + ".");
                return;
            }
            context.log(LogLevel.INFO, "{} undone", itemId);
            context.undone(itemId);
        } catch (TransferException e) {
            context.log(LogLevel.WARN, "{} not undone: {}", itemId, e.getMessage());
            context.refused(itemId, UndoRefusal.FAILED, e.adminMessage());
            if (e instanceof LmsUnavailableException) {
                throw e;
            }
        }
    }
}
