package org.campus.api.workflow;

/**
 * A record to put under a workflow; it starts in the workflow's initial state.
 *
 * @param workflowId the workflow to follow; {@code null} to follow the workflow bound to the
 *        record's activity, else its course, else the global one (see {@link WorkflowService#effectiveBinding})
 */
public record NewRecord(Long workflowId, LmsId lmsRecordId, LmsId courseId, LmsId activityId, LmsId authorId) {

    /** A record under a named workflow. */
    public NewRecord(long workflowId, LmsId lmsRecordId, LmsId courseId, LmsId activityId, LmsId authorId) {
        this(Long.valueOf(workflowId), lmsRecordId, courseId, activityId, authorId);
    }
}
