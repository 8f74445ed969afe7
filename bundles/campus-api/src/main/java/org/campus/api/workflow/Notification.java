package org.campus.api.workflow;

import java.util.List;

/**
 * A mail sent when an action was performed: to the record's author, to the holders of some roles,
 * and to fixed addresses. The mail leaves after the action's transaction has committed, from a
 * persisted outbox; it never undoes the action when it cannot be sent.
 *
 * <p>{@code subject} and {@code body} are templates: each {@code {name}} out of
 * {@link #PLACEHOLDERS} is replaced by its value; a doubled brace stands for a literal one.
 * There is no expression language; any other {@code {...}} is refused when the workflow is stored.
 * Line breaks in a value put into the subject become spaces (no header can be injected).
 *
 * @param author mail the record's author
 * @param roles mail the holders of these roles in the record's context; the LMS names them with the
 *        action ({@link ActionRequest#roleAddresses()}) or through the documented callback
 * @param addresses fixed addresses (RFC 822, e.g. {@code teachers@example.org})
 * @param subject the subject template, one line
 * @param body the plain-text body template
 */
public record Notification(boolean author, List<String> roles, List<String> addresses, String subject,
        String body) {

    /** The placeholders a template may use. */
    public static final List<String> PLACEHOLDERS = List.of(
            "record.id", "record.lmsRecordId", "record.courseId", "record.activityId", "record.authorId",
            "action.id", "action.title", "actor", "from", "to", "from.title", "to.title", "comment",
            "workflow.id", "workflow.title");

    public Notification {
        roles = Copies.list(roles);
        addresses = Copies.list(addresses);
    }
}
