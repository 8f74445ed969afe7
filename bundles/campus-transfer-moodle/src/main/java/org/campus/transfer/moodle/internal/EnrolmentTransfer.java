package org.campus.transfer.moodle.internal;

import org.campus.spi.LogLevel;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.Selection;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.UndoRecord;

/**
 * Transfers course enrolments one at a time: read the course's current state, record the plan
 * (before and after) with the core, change the LMS, report. An item that fails half way is rolled
 * back to its state before; if even that fails, its record goes to the core as partial.
 */
final class EnrolmentTransfer {

    private final MoodleApi api;
    private final CourseReader reader;
    private final MembershipChanger changer;

    EnrolmentTransfer(MoodleApi api, CourseReader reader, MembershipChanger changer) {
        this.api = api;
        this.reader = reader;
        this.changer = changer;
    }

    void transfer(ExecutionRequest request, ExecutionContext context) throws TransferException {
        long source = MoodleIds.user(request.source());
        long target = MoodleIds.user(request.target());
        context.initProgress(request.selectionCount());
        if (request.selectionCount() > 0) {
            api.requireFunctions();
        }
        for (Selection selection : request.selections()) {
            if (context.isCancelled()) {
                context.log(LogLevel.INFO, "cancelled; stopping before {}", selection.item().id());
                return;
            }
            transferOne(selection, source, target, request, context);
            context.incrementProgress(1);
        }
    }

    private void transferOne(Selection selection, long source, long target, ExecutionRequest request,
            ExecutionContext context) throws TransferException {
        String itemId = selection.item().id();
        Resolution resolution = selection.resolution().orElse(null);
        if (resolution == Resolution.SKIP) {
            context.skipped(itemId, "SKIP was chosen for this conflict.");
            return;
        }
        EnrolmentPlan plan;
        UndoRecord record = null;
        try {
            long course = MoodleIds.course(selection.item());
            CourseState now = reader.read(course, source, target);
            if (selection.preparedRecord().isPresent()) {
                plan = EnrolmentPlan.fromJson(selection.preparedRecord().get().data());
                context.log(LogLevel.INFO, "{}: resuming from the record prepared by attempt {}", itemId, request.attempt() - 1);
            } else {
                plan = planFor(itemId, now, source, target, resolution);
            }
            record = EnrolmentObjects.record(context.undoRecord(itemId), plan, request.source().id(),
                    request.target().id()).build();
            context.prepare(record);
            try {
                changer.change(course, source, now.source(), plan.sourceAfter(), target, now.target(),
                        plan.targetAfter());
            } catch (TransferException e) {
                rollBack(itemId, plan, source, target, e, record, context);
                return;
            }
            context.transferred(itemId, record);
            context.log(LogLevel.INFO, "{} transferred{}", itemId, resolution == null ? "" : " (" + resolution + ")");
        } catch (LmsUnavailableException e) {
            if (record == null) {
                context.failed(itemId, e, null);
            }
            throw e;
        } catch (TransferException e) {
            context.log(LogLevel.WARN, "{} not transferred: {}", itemId, e.getMessage());
            context.failed(itemId, e, null);
        }
    }

    private static EnrolmentPlan planFor(String itemId, CourseState now, long source, long target,
            Resolution resolution) throws TransferException {
        if (!now.source().enrolled()) {
            throw new TransferException(itemId + ": the source " + source + " is not enrolled in course "
                    + now.courseId() + " (or the LMS does not show it)",
                    "The source account is no longer enrolled in this course; preview again.");
        }
        if (now.conflicts() && resolution == null) {
            throw new TransferException(itemId + ": the target " + target + " is in course " + now.courseId()
                    + " since the preview, and no resolution was chosen",
                    "The target account is in this course since the preview; preview again and choose a resolution.");
        }
        if (resolution == Resolution.KEEP_BOTH) {
            throw new TransferException(itemId + ": KEEP_BOTH is not offered for enrolments",
                    "An account holds one enrolment per course: keep both is not offered here.");
        }
        return EnrolmentPlan.of(now, source, target, now.conflicts() ? resolution : null);
    }

    /** Brings the course back to its state before the item; reports the item failed either way. */
    private void rollBack(String itemId, EnrolmentPlan plan, long source, long target, TransferException cause,
            UndoRecord record, ExecutionContext context) throws TransferException {
        try {
            CourseState now = reader.read(plan.courseId(), source, target);
            changer.change(plan.courseId(), source, now.source(), plan.sourceBefore(), target, now.target(),
                    plan.targetBefore());
            context.log(LogLevel.WARN, "{} not transferred ({}); its changes were rolled back", itemId, cause.getMessage());
            context.failed(itemId, cause, null);
        } catch (TransferException rollbackFailure) {
            context.log(LogLevel.ERROR, "{} not transferred ({}) and not rolled back ({})", itemId, cause.getMessage(),
                    rollbackFailure.getMessage());
            context.failed(itemId, new TransferException(cause.getMessage() + "; rollback failed: "
                    + rollbackFailure.getMessage(), cause.adminMessage() + " Part of it was done and could not be"
                            + " rolled back; undo the transfer or check the course in the LMS.", cause.isRetryable(),
                    cause), record);
            if (rollbackFailure instanceof LmsUnavailableException) {
                throw rollbackFailure;
            }
            return;
        }
        if (cause instanceof LmsUnavailableException) {
            throw cause;
        }
    }
}
