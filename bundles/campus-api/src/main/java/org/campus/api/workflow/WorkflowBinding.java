package org.campus.api.workflow;

import java.time.Instant;

/**
 * A workflow bound to a scope. Holds no personal data.
 *
 * @param courseId {@code null} for {@link BindingScope#GLOBAL}
 * @param activityId set only for {@link BindingScope#ACTIVITY}
 * @param modified when the scope was last bound
 */
public record WorkflowBinding(long id, BindingScope scope, LmsId courseId, LmsId activityId, long workflowId,
        Instant modified) {
}
