package org.campus.core.internal.transfer;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.JobService;
import org.campus.api.transfer.NewTransferBatch;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchService;
import org.campus.api.transfer.TransferService;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Wires the batch service and its job type ({@link TransferBatchService#JOB_TYPE}); listens to
 * {@link TransferService#TOPIC_ENDED} to wake a row waiting for its transfer at once (it also looks
 * every second, for a transfer that ran on another node).
 */
@Component(service = { TransferBatchService.class, JobExecutor.class, EventHandler.class }, property = {
        JobExecutor.TYPE + "=" + TransferBatchService.JOB_TYPE,
        EventConstants.EVENT_TOPIC + "=" + TransferService.TOPIC_ENDED })
public class TransferBatchComponent implements TransferBatchService, JobExecutor, EventHandler {

    private final TransferBatches batches;

    @Activate
    public TransferBatchComponent(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference JobService jobs, @Reference TransferService transfers) {
        this(dataSource, jobs, transfers, Clock.systemUTC(), Duration.ofSeconds(1));
    }

    /** For tests outside OSGi. */
    public TransferBatchComponent(DataSource dataSource, JobService jobs, TransferService transfers, Clock clock,
            Duration poll) {
        this.batches = new TransferBatches(new JdbcTransactions(dataSource), transfers, jobs, clock, poll);
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty("id");
        if (id instanceof Number n) {
            batches.transferEnded(n.longValue());
        }
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        return batches.execute(context);
    }

    @Override
    public TransferBatch submit(NewTransferBatch batch, String requestedBy) {
        return batches.submit(batch, requestedBy);
    }

    @Override
    public Optional<TransferBatch> find(long id) {
        return batches.find(id);
    }

    @Override
    public Page<TransferBatch> list(PageRequest page) {
        return batches.list(page);
    }

    @Override
    public Page<TransferBatchRow> rows(long id, PageRequest page) {
        return batches.rows(id, page);
    }

    @Override
    public TransferBatch cancel(long id) {
        return batches.cancel(id);
    }
}
