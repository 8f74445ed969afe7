package org.campus.core.internal.transfer;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.campus.api.job.Job;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobService;
import org.campus.api.transfer.ItemCounts;
import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferState;
import org.campus.api.transfer.UndoItem;
import org.campus.api.transfer.UndoOutcome;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.campus.spi.job.JobSupersededException;
import org.campus.spi.transfer.Selection;
import org.campus.spi.transfer.TransferException;

/**
 * Runs a transfer's job: each provider in turn transfers its selected items (one outcome per item,
 * committed with the job's checkpoint), stopping between items when cancelled. A provider that
 * cannot go on fails the transfer, and then everything done so far by providers that can undo is
 * undone. A resumed attempt hands each provider only its items without an outcome, with the records
 * written ahead. Every transfer that ends is verified ({@link TransferEnding}).
 */
final class TransferExecutor implements JobExecutor {

    static final String TRANSFER_ID = "transferId";

    private final JdbcTransactions jdbc;
    private final TransferRepository repository;
    private final TransferProviders providers;
    private final JobService jobs;
    private final TransferEnding ending;
    private final Undoer undoer;
    private final Clock clock;

    TransferExecutor(JdbcTransactions jdbc, TransferRepository repository, TransferProviders providers, JobService jobs,
            TransferEnding ending, Undoer undoer, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.providers = providers;
        this.jobs = jobs;
        this.ending = ending;
        this.undoer = undoer;
        this.clock = clock;
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        Job job = context.job();
        long id = Long.parseLong(job.parameter(TRANSFER_ID));
        Transfer transfer = jdbc.read("reading a transfer", c -> repository.find(c, id, 0)).orElse(null);
        if (transfer == null) {
            return JobResult.failed("transfer " + id + " does not exist");
        }
        if (transfer.state().isEnded()) {
            return JobResult.succeeded();
        }
        jdbc.write("starting a transfer", c -> {
            repository.started(c, id, clock.millis());
            return null;
        });
        ItemCounts counts = jdbc.read("counting transfer items", c -> repository.counts(c, id));
        int total = counts.selected();
        AtomicInteger done = new AtomicInteger(total - counts.pending());
        context.progress(done.get(), total);
        context.log(JobLogLevel.INFO, "transfer {}: {} items from user {} to user {} (attempt {})", id, total,
                transfer.from().id(), transfer.to().id(), job.attempt());

        String failure = null;
        List<String> order = jdbc.read("reading transfer providers", c -> repository.providers(c, id));
        for (String provider : order) {
            if (context.isCancelled()) {
                break;
            }
            PagedItems<Selection> selections = new PagedItems<>(jdbc, repository, id, provider, false, false,
                    Requests::selection, ItemResult.PENDING);
            long pending = selections.count();
            if (pending == 0) {
                continue;
            }
            TransferProviders.Registered registered = providers.get(provider).orElse(null);
            if (registered == null) {
                failure = "the transfer provider " + provider + " is not registered";
                break;
            }
            context.step(provider);
            ExecutionRun run = new ExecutionRun(context, provider, id, repository, Writes.of(context), clock,
                    () -> context.progress(done.incrementAndGet(), total));
            try {
                registered.provider().transfer(new Requests.Execution(transfer.from(), transfer.to(),
                        Long.toString(id), job.attempt(), transfer.sourceAccount(), pending, selections), run);
            } catch (TransferException e) {
                context.log(JobLogLevel.ERROR, "{} stopped the transfer: {}", provider, e.getMessage());
                failure = provider + ": " + e.adminMessage();
                break;
            } catch (JobSupersededException e) {
                throw e;
            } catch (RuntimeException e) {
                context.log(JobLogLevel.ERROR, "{} failed: {}", provider, e.toString());
                failure = "the transfer provider " + provider + " failed: " + e.getMessage();
                break;
            }
        }

        if (failure == null && context.isCancelled()) {
            boolean asked = jobs.find(job.id()).map(Job::cancelRequested).orElse(true);
            if (!asked) {
                return JobResult.cancelled(); // the node stops: a later attempt resumes the transfer
            }
            ending.end(transfer, TransferState.CANCELLED, "cancelled", context);
            return JobResult.cancelled();
        }
        if (failure != null) {
            context.log(JobLogLevel.WARN, "undoing what was transferred: {}", failure);
            List<UndoItem> undo = undoer.run(transfer, false, context, Writes.of(context));
            long notUndone = undo.stream().filter(u -> u.outcome() != UndoOutcome.UNDONE).count();
            String reason = failure + "; " + (undo.size() - notUndone) + " items undone"
                    + (notUndone > 0 ? ", " + notUndone + " could not be undone" : "");
            ending.end(transfer, TransferState.FAILED, reason, context);
            return JobResult.failed(reason);
        }
        ending.end(transfer, TransferState.COMPLETED, null, context);
        return JobResult.succeeded();
    }
}
