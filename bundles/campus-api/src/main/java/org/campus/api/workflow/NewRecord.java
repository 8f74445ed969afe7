package org.campus.api.workflow;

/** A record to put under a workflow; it starts in the workflow's initial state. */
public record NewRecord(long workflowId, LmsId lmsRecordId, LmsId courseId, LmsId activityId, LmsId authorId) {
}
