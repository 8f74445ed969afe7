package org.campus.api.workflow;

import java.time.Instant;

/**
 * An LMS record (e.g. a database entry) under a workflow, and the state it is in.
 *
 * @param version grows with every action, migration and visibility change; the optimistic-locking version
 * @param visibility {@link RecordVisibility#VISIBLE} unless a change of its activity's workflow hid it
 *        or made it view-only
 */
public record WorkflowRecord(long id, long workflowId, LmsId lmsRecordId, LmsId courseId, LmsId activityId,
        LmsId authorId, String state, Instant created, Instant modified, long version, RecordVisibility visibility) {

    public WorkflowRecord {
        visibility = visibility == null ? RecordVisibility.VISIBLE : visibility;
    }

    /** A visible record. */
    public WorkflowRecord(long id, long workflowId, LmsId lmsRecordId, LmsId courseId, LmsId activityId,
            LmsId authorId, String state, Instant created, Instant modified, long version) {
        this(id, workflowId, lmsRecordId, courseId, activityId, authorId, state, created, modified, version,
                RecordVisibility.VISIBLE);
    }
}
