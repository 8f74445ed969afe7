package org.campus.core.internal.sharing;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** One entry of a share's status timeline. */
@Entity
@Table(name = "share_progress_event")
public class ShareEventEntity {

    @Id
    @SequenceGenerator(name = "share_progress_event", sequenceName = "share_progress_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "share_progress_event")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "share_id", nullable = false)
    private ShareEntity share;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "event_time", nullable = false)
    private long time;

    @Column(name = "resource_url", length = 2048)
    private String resourceUrl;

    @Column(name = "message", length = 4000)
    private String message;

    protected ShareEventEntity() {
    }

    ShareEventEntity(ShareEntity share, String status, long time, String resourceUrl, String message) {
        this.share = share;
        this.status = status;
        this.time = time;
        this.resourceUrl = resourceUrl;
        this.message = message;
    }

    public String getStatus() { return status; }
    public long getTime() { return time; }
    public String getResourceUrl() { return resourceUrl; }
    public String getMessage() { return message; }
}
