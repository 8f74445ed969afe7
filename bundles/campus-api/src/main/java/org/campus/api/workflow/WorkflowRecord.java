package org.campus.api.workflow;

import java.time.Instant;

/**
 * An LMS record (e.g. a database entry) under a workflow, and the state it is in.
 *
 * @param version grows with every action; the optimistic-locking version
 */
public record WorkflowRecord(long id, long workflowId, LmsId lmsRecordId, LmsId courseId, LmsId activityId,
        LmsId authorId, String state, Instant created, Instant modified, long version) {
}
