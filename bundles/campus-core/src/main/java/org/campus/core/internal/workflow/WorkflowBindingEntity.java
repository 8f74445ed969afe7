package org.campus.core.internal.workflow;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** The workflow a scope (global, a course, an activity) follows; absent ids are empty strings. Written by {@link BindingRepository} only. */
@Entity
@Table(name = "workflow_binding")
public class WorkflowBindingEntity {

    @Id
    @SequenceGenerator(name = "workflow_binding", sequenceName = "workflow_binding_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workflow_binding")
    private Long id;

    @Column(name = "scope", nullable = false, length = 16)
    private String scope;

    @Column(name = "course_id", nullable = false, length = 255)
    private String courseId;

    @Column(name = "activity_id", nullable = false, length = 255)
    private String activityId;

    @Column(name = "id_numeric", nullable = false)
    private int idNumeric;

    @Column(name = "workflow_id", nullable = false)
    private long workflowId;

    @Column(name = "time_modified", nullable = false)
    private long timeModified;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public Long getId() { return id; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getCourseId() { return courseId; }
    public void setCourseId(String courseId) { this.courseId = courseId; }
    public String getActivityId() { return activityId; }
    public void setActivityId(String activityId) { this.activityId = activityId; }
    public int getIdNumeric() { return idNumeric; }
    public void setIdNumeric(int idNumeric) { this.idNumeric = idNumeric; }
    public long getWorkflowId() { return workflowId; }
    public void setWorkflowId(long workflowId) { this.workflowId = workflowId; }
    public long getTimeModified() { return timeModified; }
    public void setTimeModified(long timeModified) { this.timeModified = timeModified; }
    public long getVersion() { return version; }
}
