package org.campus.core.internal.transfer;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.JobService;
import org.campus.api.provider.ProviderRegistry;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferQuery;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.UndoResult;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.event.Events;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Wires the transfer service and its two job types ({@link TransferService#JOB_TYPE},
 * {@link TransferService#JOB_TYPE_CALLBACK}) from the configuration of PID {@code campus.transfer};
 * a changed configuration re-creates it.
 */
@Component(service = { TransferService.class, JobExecutor.class }, configurationPid = TransferConfig.PID,
        property = { JobExecutor.TYPE + "=" + TransferService.JOB_TYPE,
                JobExecutor.TYPE + "=" + TransferService.JOB_TYPE_CALLBACK })
@Designate(ocd = TransferConfig.class)
public class TransferComponent implements TransferService, JobExecutor {

    private final TransferServiceImpl service;
    private final TransferExecutor executor;
    private final TransferCallbackExecutor callback;

    @Activate
    public TransferComponent(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference JobService jobs, @Reference Events events, @Reference ProviderRegistry providers,
            TransferConfig config) {
        this(dataSource, jobs, events, providers, TransferSettings.of(config), Clock.systemUTC());
    }

    /** For tests outside OSGi. */
    public TransferComponent(DataSource dataSource, JobService jobs, Events events, ProviderRegistry registry,
            TransferSettings settings, Clock clock) {
        TransferProviders providers = new TransferProviders(registry);
        JdbcTransactions jdbc = new JdbcTransactions(dataSource);
        TransferRepository repository = new TransferRepository();
        Verifier verifier = new Verifier(jdbc, repository, providers, clock);
        TransferEnding ending = new TransferEnding(jdbc, repository, verifier, jobs, events, clock, settings);
        Undoer undoer = new Undoer(jdbc, repository, providers);
        this.service = new TransferServiceImpl(jdbc, repository, providers, jobs, ending, undoer, settings, clock);
        this.executor = new TransferExecutor(jdbc, repository, providers, jobs, ending, undoer, clock);
        this.callback = new TransferCallbackExecutor(jdbc, repository, ending, settings);
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        return JOB_TYPE_CALLBACK.equals(context.job().type()) ? callback.execute(context) : executor.execute(context);
    }

    @Override
    public TransferPreview preview(TransferUser from, TransferUser to, SourceAccount sourceAccount) {
        return service.preview(from, to, sourceAccount);
    }

    @Override
    public Transfer start(NewTransfer transfer, String requestedBy) {
        return service.start(transfer, requestedBy);
    }

    @Override
    public Optional<Transfer> find(long id) {
        return service.find(id);
    }

    @Override
    public Page<Transfer> list(TransferQuery query, PageRequest page) {
        return service.list(query, page);
    }

    @Override
    public Page<TransferItemResult> items(long id, PageRequest page) {
        return service.items(id, page);
    }

    @Override
    public Transfer cancel(long id) {
        return service.cancel(id);
    }

    @Override
    public UndoResult undo(long id, String requestedBy) {
        return service.undo(id, requestedBy);
    }
}
