package org.campus.core.internal.workflow.mail;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/**
 * A notification mail in the outbox. Written through JPA in the action's transaction; read and
 * updated by {@link WorkflowMailSender} through plain JDBC only (so no entity cache is ever stale).
 */
@Entity
@Table(name = "workflow_mail")
public class WorkflowMailEntity {

    @Id
    @SequenceGenerator(name = "workflow_mail", sequenceName = "workflow_mail_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workflow_mail")
    private Long id;

    @Column(name = "record_id", nullable = false)
    private long recordId;

    @Column(name = "history_id", nullable = false)
    private long historyId;

    @Column(name = "recipient_kind", nullable = false, length = 10)
    private String recipientKind;

    @Column(name = "recipient_role", length = 255)
    private String recipientRole;

    @Column(name = "recipient", length = 320)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 1000)
    private String subject;

    @Lob
    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt", nullable = false)
    private long nextAttempt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "time_created", nullable = false)
    private long timeCreated;

    @Column(name = "time_sent")
    private Long timeSent;

    public WorkflowMailEntity() {
    }

    WorkflowMailEntity(long recordId, long historyId, String recipientKind, String recipientRole, String recipient,
            String subject, String body, long now) {
        this.recordId = recordId;
        this.historyId = historyId;
        this.recipientKind = recipientKind;
        this.recipientRole = recipientRole;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = MailOutbox.PENDING;
        this.attempts = 0;
        this.nextAttempt = now;
        this.timeCreated = now;
    }

    public Long getId() { return id; }
    public long getRecordId() { return recordId; }
    public long getHistoryId() { return historyId; }
    public String getRecipientKind() { return recipientKind; }
    public String getRecipientRole() { return recipientRole; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public long getNextAttempt() { return nextAttempt; }
    public String getLastError() { return lastError; }
    public long getTimeCreated() { return timeCreated; }
    public Long getTimeSent() { return timeSent; }
}
