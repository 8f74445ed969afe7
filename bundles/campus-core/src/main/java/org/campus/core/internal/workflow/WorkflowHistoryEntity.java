package org.campus.core.internal.workflow;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

/** One step of a record: its creation (no action) or an action performed. */
@Entity
@Table(name = "workflow_history")
public class WorkflowHistoryEntity {

    @Id
    @SequenceGenerator(name = "workflow_history", sequenceName = "workflow_history_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workflow_history")
    private Long id;

    @Column(name = "record_id", nullable = false)
    private long recordId;

    @Column(name = "action", length = 100)
    private String action;

    @Column(name = "actor", length = 255)
    private String actor;

    @Column(name = "actor_numeric", nullable = false)
    private boolean actorNumeric;

    @Column(name = "from_state", length = 100)
    private String fromState;

    @Column(name = "to_state", nullable = false, length = 100)
    private String toState;

    @Column(name = "event_time", nullable = false)
    private long time;

    @Column(name = "comment_text", length = 4000)
    private String comment;

    public WorkflowHistoryEntity() {
    }

    WorkflowHistoryEntity(long recordId, String action, String actor, boolean actorNumeric, String fromState,
            String toState, long time, String comment) {
        this.recordId = recordId;
        this.action = action;
        this.actor = actor;
        this.actorNumeric = actorNumeric;
        this.fromState = fromState;
        this.toState = toState;
        this.time = time;
        this.comment = comment;
    }

    public Long getId() { return id; }
    public long getRecordId() { return recordId; }
    public String getAction() { return action; }
    public String getActor() { return actor; }
    public boolean isActorNumeric() { return actorNumeric; }
    public String getFromState() { return fromState; }
    public String getToState() { return toState; }
    public long getTime() { return time; }
    public String getComment() { return comment; }
}
