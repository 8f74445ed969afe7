package org.campus.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * A user asks to perform an action on a record.
 *
 * @param userId the LMS user; the author of the record when equal to its {@code authorId}
 * @param roles the user's roles in the record's context, as the LMS knows them
 * @param comment optional, at most {@value #MAX_COMMENT_LENGTH} characters
 * @param authorAddress optional: the mail address of the record's author, for the action's
 *        notifications to the author; without it Campus asks the LMS through the callback
 * @param roleAddresses optional: role name to the addresses of its holders in the record's context,
 *        for the action's notifications to roles; a role left out is asked through the callback, a
 *        role with an empty list has nobody to mail
 */
public record ActionRequest(String action, LmsId userId, List<String> roles, String comment, String authorAddress,
        Map<String, List<String>> roleAddresses) {

    public static final int MAX_COMMENT_LENGTH = 4000;

    public ActionRequest {
        roles = roles == null ? List.of() : List.copyOf(roles);
        roleAddresses = Copies.mapOfLists(roleAddresses);
    }

    /** A request without recipient addresses. */
    public ActionRequest(String action, LmsId userId, List<String> roles, String comment) {
        this(action, userId, roles, comment, null, null);
    }
}
