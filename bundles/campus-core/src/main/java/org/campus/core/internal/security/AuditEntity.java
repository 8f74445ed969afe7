package org.campus.core.internal.security;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

@Entity
@Table(name = "audit_entry")
public class AuditEntity {

    @Id
    @SequenceGenerator(name = "audit_entry", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry")
    private Long id;

    @Column(name = "event_time", nullable = false)
    private long time;

    @Column(name = "actor", nullable = false, length = 255)
    private String actor;

    @Column(name = "actor_kind", nullable = false, length = 16)
    private String actorKind;

    @Column(name = "action", nullable = false, length = 255)
    private String action;

    @Column(name = "target", length = 1024)
    private String target;

    @Column(name = "remote_address", length = 255)
    private String remoteAddress;

    @Column(name = "detail", length = 4000)
    private String detail;

    public Long getId() { return id; }
    public long getTime() { return time; }
    public void setTime(long time) { this.time = time; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getActorKind() { return actorKind; }
    public void setActorKind(String actorKind) { this.actorKind = actorKind; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getRemoteAddress() { return remoteAddress; }
    public void setRemoteAddress(String remoteAddress) { this.remoteAddress = remoteAddress; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
}
