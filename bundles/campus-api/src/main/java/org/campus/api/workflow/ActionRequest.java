package org.campus.api.workflow;

import java.util.List;

/**
 * A user asks to perform an action on a record.
 *
 * @param userId the LMS user; the author of the record when equal to its {@code authorId}
 * @param roles the user's roles in the record's context, as the LMS knows them
 * @param comment optional, at most {@value #MAX_COMMENT_LENGTH} characters
 */
public record ActionRequest(String action, LmsId userId, List<String> roles, String comment) {

    public static final int MAX_COMMENT_LENGTH = 4000;

    public ActionRequest {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
