package org.campus.core.internal.sharing;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "share_progress")
public class ShareEntity {

    @Id
    @SequenceGenerator(name = "share_progress", sequenceName = "share_progress_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "share_progress")
    private Long id;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "share_type", nullable = false, length = 16)
    private String type;

    @Column(name = "cm_id")
    private Long cmId;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "resource_url", length = 2048)
    private String resourceUrl;

    @Column(name = "error_message", length = 4000)
    private String errorMessage;

    @Column(name = "time_created", nullable = false)
    private long timeCreated;

    @Column(name = "time_modified", nullable = false)
    private long timeModified;

    @Column(name = "source_deleted", nullable = false)
    private boolean sourceDeleted;

    @Column(name = "time_source_deleted")
    private Long timeSourceDeleted;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    public Long getId() { return id; }
    public long getCourseId() { return courseId; }
    public void setCourseId(long courseId) { this.courseId = courseId; }
    public long getUserId() { return userId; }
    public void setUserId(long userId) { this.userId = userId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public Long getCmId() { return cmId; }
    public void setCmId(Long cmId) { this.cmId = cmId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getResourceUrl() { return resourceUrl; }
    public void setResourceUrl(String resourceUrl) { this.resourceUrl = resourceUrl; }
    public String getErrorMessage() { return errorMessage; }
    public void setErrorMessage(String errorMessage) { this.errorMessage = errorMessage; }
    public long getTimeCreated() { return timeCreated; }
    public void setTimeCreated(long timeCreated) { this.timeCreated = timeCreated; }
    public long getTimeModified() { return timeModified; }
    public void setTimeModified(long timeModified) { this.timeModified = timeModified; }
    public boolean isSourceDeleted() { return sourceDeleted; }
    public void setSourceDeleted(boolean sourceDeleted) { this.sourceDeleted = sourceDeleted; }
    public Long getTimeSourceDeleted() { return timeSourceDeleted; }
    public void setTimeSourceDeleted(Long timeSourceDeleted) { this.timeSourceDeleted = timeSourceDeleted; }
    public long getVersion() { return version; }
}
