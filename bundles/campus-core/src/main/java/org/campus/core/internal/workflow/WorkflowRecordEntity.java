package org.campus.core.internal.workflow;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

/** An LMS record under a workflow; {@code version} guards against lost updates. */
@Entity
@Table(name = "workflow_record")
public class WorkflowRecordEntity {

    static final int LMS_RECORD_NUMERIC = 1;
    static final int COURSE_NUMERIC = 2;
    static final int ACTIVITY_NUMERIC = 4;
    static final int AUTHOR_NUMERIC = 8;

    @Id
    @SequenceGenerator(name = "workflow_record", sequenceName = "workflow_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workflow_record")
    private Long id;

    @Column(name = "workflow_id", nullable = false)
    private long workflowId;

    @Column(name = "lms_record_id", nullable = false, length = 255)
    private String lmsRecordId;

    @Column(name = "course_id", nullable = false, length = 255)
    private String courseId;

    @Column(name = "activity_id", nullable = false, length = 255)
    private String activityId;

    @Column(name = "author_id", nullable = false, length = 255)
    private String authorId;

    @Column(name = "id_numeric", nullable = false)
    private int idNumeric;

    @Column(name = "state", nullable = false, length = 100)
    private String state;

    @Column(name = "time_created", nullable = false)
    private long timeCreated;

    @Column(name = "time_modified", nullable = false)
    private long timeModified;

    /** 0 visible, 1 view-only, 2 hidden: the {@code RecordVisibility} ordinal. */
    @Column(name = "visibility", nullable = false)
    private int visibility;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public Long getId() { return id; }
    public long getWorkflowId() { return workflowId; }
    public void setWorkflowId(long workflowId) { this.workflowId = workflowId; }
    public String getLmsRecordId() { return lmsRecordId; }
    public void setLmsRecordId(String lmsRecordId) { this.lmsRecordId = lmsRecordId; }
    public String getCourseId() { return courseId; }
    public void setCourseId(String courseId) { this.courseId = courseId; }
    public String getActivityId() { return activityId; }
    public void setActivityId(String activityId) { this.activityId = activityId; }
    public String getAuthorId() { return authorId; }
    public void setAuthorId(String authorId) { this.authorId = authorId; }
    public int getIdNumeric() { return idNumeric; }
    public void setIdNumeric(int idNumeric) { this.idNumeric = idNumeric; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public long getTimeCreated() { return timeCreated; }
    public void setTimeCreated(long timeCreated) { this.timeCreated = timeCreated; }
    public long getTimeModified() { return timeModified; }
    public void setTimeModified(long timeModified) { this.timeModified = timeModified; }
    public long getVersion() { return version; }
    public int getVisibility() { return visibility; }
    public void setVisibility(int visibility) { this.visibility = visibility; }
}
