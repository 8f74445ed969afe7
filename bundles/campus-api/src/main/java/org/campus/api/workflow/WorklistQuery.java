package org.campus.api.workflow;

import java.util.List;

/**
 * Records waiting for an action that the roles may perform.
 *
 * @param courseId required
 * @param activityId only this activity's records; {@code null} for the whole course
 * @param roles the roles whose actions count; actions open only to the author are not counted
 */
public record WorklistQuery(LmsId courseId, LmsId activityId, List<String> roles) {

    public WorklistQuery {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
