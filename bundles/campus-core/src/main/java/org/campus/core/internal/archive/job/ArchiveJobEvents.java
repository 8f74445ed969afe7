package org.campus.core.internal.archive.job;

import java.util.Optional;

import javax.sql.DataSource;

import org.campus.api.archive.ArchiveService;
import org.campus.api.job.JobService;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.event.Events;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Posts {@code campus/archive/job/STARTED}, {@code COMPLETED}, {@code FAILED} and {@code CANCELLED}
 * when the job engine posts them for a job of type {@link ArchiveService#JOB_TYPE}, with the archive
 * job's id and course beside the engine's properties.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + JobService.TOPIC_STARTED,
        EventConstants.EVENT_TOPIC + "=" + JobService.TOPIC_COMPLETED,
        EventConstants.EVENT_TOPIC + "=" + JobService.TOPIC_FAILED,
        EventConstants.EVENT_TOPIC + "=" + JobService.TOPIC_CANCELLED,
        EventConstants.EVENT_FILTER + "=(type=" + ArchiveService.JOB_TYPE + ")" })
public class ArchiveJobEvents implements EventHandler {

    private final JdbcTransactions tx;
    private final ArchiveRepository repository = new ArchiveRepository();
    private final Events events;

    @Activate
    public ArchiveJobEvents(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource, @Reference Events events) {
        this.tx = new JdbcTransactions(dataSource);
        this.events = events;
    }

    @Override
    public void handleEvent(Event event) {
        if (!ArchiveService.JOB_TYPE.equals(event.getProperty("type")) || !(event.getProperty("id") instanceof Number n)) {
            return;
        }
        long jobId = n.longValue();
        Optional<ArchiveRepository.Row> row = tx.read("reading an archive job", c -> repository.findByJob(c, jobId));
        if (row.isEmpty()) {
            return;
        }
        String topic = ArchiveService.TOPIC_PREFIX + event.getTopic().substring(JobService.TOPIC_PREFIX.length());
        events.post(topic, "id", row.get().id(), "jobId", jobId, "courseId", row.get().courseId().value(), "owner",
                row.get().owner(), "state", event.getProperty("state"), "progress", event.getProperty("progress"),
                "reason", event.getProperty("reason"));
    }
}
