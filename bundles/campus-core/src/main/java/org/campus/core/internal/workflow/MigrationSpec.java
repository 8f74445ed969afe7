package org.campus.core.internal.workflow;

import java.util.Arrays;
import java.util.Map;

import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.PlanOption;
import org.campus.api.workflow.RecordVisibility;
import org.campus.core.internal.workflow.WorkflowRecordRepository.Selection;

/**
 * What a migration job does, as stored with it ({@code workflow_migration}): which records (those of
 * a workflow in a course or activity, or those that followed a binding scope), what becomes of each
 * (the plan: a state map, or hide or view-only), and who asked for it. The records are selected anew
 * for every batch, so a record is taken as it is when its batch reaches it.
 *
 * @param jobId the migration's job, 0 before it is submitted
 * @param scope {@code null} for an explicit migration, whose records are those of the workflow in
 *        {@code courseId} and {@code activityId}; else the binding scope whose records follow the
 *        workflow (those of the scope, except those of narrower scopes with a binding of their own)
 * @param courseId the course, {@code ""} for any
 * @param activityId the activity, {@code ""} for any
 * @param comment the history entry's comment for each record
 */
record MigrationSpec(long jobId, long fromWorkflowId, long toWorkflowId, MigrationPlan plan, BindingScope scope,
        String courseId, String activityId, String actor, String comment) {

    /** What the job does to each record; the code is also the action of the record's history entry. */
    enum RecordAction {
        MIGRATE("migrate"), HIDE("hide"), VIEW_ONLY("viewOnly");

        private final String code;

        RecordAction(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static RecordAction of(String code) {
            return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no record action " + code));
        }
    }

    MigrationSpec withJob(long id) {
        return new MigrationSpec(id, fromWorkflowId, toWorkflowId, plan, scope, courseId, activityId, actor, comment);
    }

    RecordAction action() {
        if (plan.option() == PlanOption.HIDE) {
            return RecordAction.HIDE;
        }
        return plan.option() == PlanOption.VIEW_ONLY ? RecordAction.VIEW_ONLY : RecordAction.MIGRATE;
    }

    /** The visibility a hide or view-only plan gives; {@code null} for a move. */
    RecordVisibility visibility() {
        return switch (action()) {
            case HIDE -> RecordVisibility.HIDDEN;
            case VIEW_ONLY -> RecordVisibility.VIEW_ONLY;
            case MIGRATE -> null;
        };
    }

    Map<String, String> stateMap() {
        return plan.stateMap();
    }

    /** The records the job still has to change: those of the source, without those it changed already. */
    Selection selection() {
        Selection s = following();
        RecordVisibility visibility = visibility();
        // a moved record leaves the source workflow; a hidden (view-only) one stays, so it is left out by its visibility
        return visibility == null ? s : s.and("visibility <> ?", visibility.ordinal());
    }

    /** Every record of the source in the migration's course, activity or scope, whatever its visibility. */
    Selection following() {
        Selection s = Selection.of("workflow_id = ?", fromWorkflowId);
        if (scope == null) {
            if (!courseId.isEmpty()) {
                s = s.and("course_id = ?", courseId);
            }
            return activityId.isEmpty() ? s : s.and("activity_id = ?", activityId);
        }
        return switch (scope) {
            case ACTIVITY -> s.and("course_id = ?", courseId).and("activity_id = ?", activityId);
            case COURSE -> s.and("course_id = ?", courseId).and("activity_id NOT IN (SELECT b.activity_id FROM "
                    + "workflow_binding b WHERE b.scope = 'activity' AND b.course_id = ?)", courseId);
            case GLOBAL -> s.and("course_id NOT IN (SELECT b.course_id FROM workflow_binding b WHERE b.scope = 'course')")
                    .and("NOT EXISTS (SELECT 1 FROM workflow_binding b WHERE b.scope = 'activity' AND "
                            + "b.course_id = workflow_record.course_id AND b.activity_id = workflow_record.activity_id)");
        };
    }

    /**
     * Whether this migration and {@code other}, if they ran at once, could get in each other's way:
     * both take records from one workflow, or one takes records from the workflow the other moves
     * records to (it might pass them before they arrive, and leave them there), in courses and
     * activities that overlap ({@code ""} overlaps any).
     */
    boolean overlaps(MigrationSpec other) {
        boolean shared = fromWorkflowId == other.fromWorkflowId || fromWorkflowId == other.toWorkflowId
                || toWorkflowId == other.fromWorkflowId;
        return shared && overlap(courseId, other.courseId) && overlap(activityId, other.activityId);
    }

    private static boolean overlap(String a, String b) {
        return a.isEmpty() || b.isEmpty() || a.equals(b);
    }
}
