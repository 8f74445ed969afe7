package org.campus.api.workflow;

/** Where a notification mail stands in the outbox. */
public enum MailStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after the configured number of attempts; {@code lastError} says why. */
    FAILED,
    /** Nobody to send it to: the LMS named no holder of the role. */
    SKIPPED
}
