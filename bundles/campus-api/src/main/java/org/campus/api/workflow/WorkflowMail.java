package org.campus.api.workflow;

import java.time.Instant;

/**
 * One notification mail in the outbox, for one recipient.
 *
 * @param historyId the history entry of the action that caused it
 * @param recipientKind {@code author}, {@code role} or {@code address}: why the recipient gets it
 * @param role the role, for {@code role} mails; {@code null} otherwise
 * @param recipient the address; {@code null} while Campus has yet to ask the LMS for it
 * @param attempts sending attempts made so far
 * @param nextAttempt when a pending mail is tried next; {@code null} otherwise
 * @param lastError why the last attempt failed; {@code null} after success
 * @param sent when the SMTP server accepted it; {@code null} before
 */
public record WorkflowMail(long id, long recordId, long historyId, String recipientKind, String role,
        String recipient, String subject, String body, MailStatus status, int attempts, Instant nextAttempt,
        String lastError, Instant created, Instant sent) {
}
