package org.campus.core.internal.transfer;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.campus.api.CampusException;
import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobService;
import org.campus.api.job.JobState;
import org.campus.api.job.NewJob;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.NewTransferBatch;
import org.campus.api.transfer.PreviewItem;
import org.campus.api.transfer.ProviderListing;
import org.campus.api.transfer.ResolutionOffer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchRowStatus;
import org.campus.api.transfer.TransferBatchService;
import org.campus.api.transfer.TransferBatchState;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferQuery;
import org.campus.api.transfer.TransferService;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.DatabaseException;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.campus.spi.transfer.Resolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches of transfers: the service ({@link TransferBatchService}) and the executor of its job
 * ({@link TransferBatchService#JOB_TYPE}). The job takes the rows in order; each row is previewed,
 * every listed item is selected, the batch's resolution is given to every conflict that offers it,
 * and the row's transfer is started through {@link TransferService} and followed until it ends
 * before the next row, so two rows sharing a user never collide. A row whose user another transfer
 * holds gets {@code blocked} (it does not wait). Built by {@link TransferBatchComponent}.
 */
final class TransferBatches implements TransferBatchService, JobExecutor {

    static final String BATCH_ID = "batchId";
    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    /** The items a row's message names at most. */
    private static final int NAMED_ITEMS = 20;

    private final JdbcTransactions jdbc;
    private final TransferBatchRepository repository = new TransferBatchRepository();
    private final TransferService transfers;
    private final JobService jobs;
    private final Clock clock;
    private final Duration poll;
    /** Transfer id to the latch of a row waiting for it on this node (released by the ended event). */
    private final Map<Long, CountDownLatch> waiting = new ConcurrentHashMap<>();

    TransferBatches(JdbcTransactions jdbc, TransferService transfers, JobService jobs, Clock clock, Duration poll) {
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.jobs = jobs;
        this.clock = clock;
        this.poll = poll;
    }

    // ---------------------------------------------------------------------------------- service

    @Override
    public TransferBatch submit(NewTransferBatch batch, String requestedBy) {
        List<BatchCsv.Row> rows = BatchCsv.parse(batch.csv());
        long now = clock.millis();
        long id = jdbc.write("queuing a transfer batch", c -> {
            long batchId = repository.nextId(c);
            Job job = jobs.submit(new NewJob(JOB_TYPE, requestedBy, Map.of(BATCH_ID, Long.toString(batchId))), c);
            repository.insert(c, batchId, batch.resolution(), batch.sourceAccount(), requestedBy, job.id(), rows, now);
            return batchId;
        });
        AUDIT.info("transfer batch {} of {} rows queued by {} (resolution {}, source account {})", id, rows.size(),
                requestedBy, batch.resolution() == null ? "none" : Codes.code(batch.resolution()),
                Codes.code(batch.sourceAccount()));
        return find(id).orElseThrow();
    }

    @Override
    public Optional<TransferBatch> find(long id) {
        Optional<TransferBatch> b = jdbc.read("reading a transfer batch", c -> repository.find(c, id));
        return b.map(this::reconcile);
    }

    /** A batch whose job ended without ending it (cancelled while queued, failed for good) is ended now. */
    private TransferBatch reconcile(TransferBatch b) {
        if (b.state().isEnded()) {
            return b;
        }
        Job job = jobs.find(b.jobId()).orElse(null);
        if (job == null || !job.state().isEnded() || job.state() == JobState.COMPLETED) {
            return b;
        }
        boolean cancelled = job.state() == JobState.CANCELLED;
        end(b.id(), cancelled ? TransferBatchState.CANCELLED : TransferBatchState.FAILED,
                cancelled ? "cancelled" : job.reason() == null ? job.state().code() : job.reason());
        return jdbc.read("reading a transfer batch", c -> repository.find(c, b.id())).orElse(b);
    }

    private void end(long id, TransferBatchState state, String reason) {
        long now = clock.millis();
        jdbc.write("ending a transfer batch", c -> {
            if (repository.end(c, id, state, reason, now) && state == TransferBatchState.CANCELLED) {
                repository.endOpenRows(c, id, TransferBatchRowStatus.CANCELLED, "the batch was cancelled", now);
            }
            return null;
        });
    }

    @Override
    public Page<TransferBatch> list(PageRequest page) {
        return jdbc.read("listing transfer batches", c -> repository.list(c, page));
    }

    @Override
    public Page<TransferBatchRow> rows(long id, PageRequest page) {
        if (find(id).isEmpty()) {
            throw NotFoundException.of("transfer batch", id);
        }
        Long after = Cursors.decodeId(page.cursor());
        List<TransferBatchRow> rows = jdbc.read("reading transfer batch rows",
                c -> repository.rows(c, id, after == null ? 0 : after.intValue(), page.limit() + 1));
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = Cursors.afterId(rows.get(rows.size() - 1).line());
        }
        return new Page<>(rows, next);
    }

    @Override
    public TransferBatch cancel(long id) {
        TransferBatch b = find(id).orElseThrow(() -> NotFoundException.of("transfer batch", id));
        if (b.state().isEnded()) {
            throw new ConflictException("transfer batch " + id + " has ended (" + b.state().code() + ")");
        }
        jobs.cancel(b.jobId());
        AUDIT.info("transfer batch {} cancelled", id);
        return find(id).orElseThrow();
    }

    /** Wakes a row waiting on this node for the transfer that ended. */
    void transferEnded(long transferId) {
        CountDownLatch latch = waiting.get(transferId);
        if (latch != null) {
            latch.countDown();
        }
    }

    // ---------------------------------------------------------------------------------- job

    @Override
    public JobResult execute(JobContext context) throws Exception {
        long id = Long.parseLong(context.job().parameter(BATCH_ID));
        TransferBatch batch = jdbc.read("reading a transfer batch", c -> repository.find(c, id)).orElse(null);
        if (batch == null) {
            return JobResult.failed("transfer batch " + id + " does not exist");
        }
        if (batch.state().isEnded()) {
            return JobResult.succeeded();
        }
        jdbc.write("starting a transfer batch", c -> {
            repository.started(c, id, clock.millis());
            return null;
        });
        int total = batch.rowCount();
        int done = (int) batch.counts().entrySet().stream().filter(e -> e.getKey().isFinal())
                .mapToLong(Map.Entry::getValue).sum();
        context.progress(done, total);
        context.log(JobLogLevel.INFO, "transfer batch {}: {} rows, {} done before (attempt {})", id, total, done,
                context.job().attempt());
        int after = 0;
        while (true) {
            List<TransferBatchRow> rows = jdbc.read("reading transfer batch rows", c -> repository.rows(c, id, 0, 50,
                    TransferBatchRowStatus.PENDING, TransferBatchRowStatus.PREVIEWING, TransferBatchRowStatus.STARTED));
            if (rows.isEmpty()) {
                break;
            }
            for (TransferBatchRow row : rows) {
                if (context.isCancelled()) {
                    return stopped(context, batch);
                }
                context.step("line " + row.line());
                Optional<JobResult> stop = run(context, batch, row);
                if (stop.isPresent()) {
                    return stop.get();
                }
                context.progress(++done, total);
                after = row.line();
            }
        }
        context.log(JobLogLevel.INFO, "transfer batch {} done; last line {}", id, after);
        end(id, TransferBatchState.COMPLETED, null);
        return JobResult.succeeded();
    }

    /** Stopped between rows: cancelled by an admin, or the node stops (a later attempt resumes). */
    private JobResult stopped(JobContext context, TransferBatch batch) {
        boolean asked = jobs.find(context.job().id()).map(Job::cancelRequested).orElse(true);
        if (asked) {
            end(batch.id(), TransferBatchState.CANCELLED, "cancelled");
        }
        return JobResult.cancelled();
    }

    /** Runs one row to its final status; a result when the batch stops on it. */
    private Optional<JobResult> run(JobContext context, TransferBatch batch, TransferBatchRow row) throws Exception {
        Long transferId = row.transferId();
        if (row.status() != TransferBatchRowStatus.STARTED) {
            if (row.status() == TransferBatchRowStatus.PREVIEWING) {
                transferId = startedBefore(batch, row).orElse(null); // the last attempt died right after starting it
            }
            if (transferId == null) {
                Outcome outcome = previewAndStart(context, batch, row);
                if (outcome.transferId() == null) {
                    setStatus(context, batch.id(), row.line(), outcome.status(), null, outcome.message());
                    return Optional.empty();
                }
                transferId = outcome.transferId();
            }
            setStatus(context, batch.id(), row.line(), TransferBatchRowStatus.STARTED, transferId, null);
        }
        Followed followed = follow(context, transferId);
        if (followed.stopped()) {
            return Optional.of(stopped(context, batch));
        }
        Transfer ended = followed.transfer();
        if (ended == null) {
            setStatus(context, batch.id(), row.line(), TransferBatchRowStatus.FAILED, transferId,
                    "transfer " + transferId + " no longer exists");
            return Optional.empty();
        }
        TransferBatchRowStatus status = switch (ended.state()) {
            case COMPLETED -> TransferBatchRowStatus.COMPLETED;
            case CANCELLED -> TransferBatchRowStatus.CANCELLED;
            default -> TransferBatchRowStatus.FAILED;
        };
        String message = ended.reason();
        if (ended.verification() != null && ended.verification().flagged()) {
            message = (message == null ? "" : message + "; ") + "the verification flagged the transfer";
        }
        setStatus(context, batch.id(), row.line(), status, transferId, message);
        if (status == TransferBatchRowStatus.CANCELLED && context.isCancelled()) {
            return Optional.of(stopped(context, batch));
        }
        return Optional.empty();
    }

    private record Outcome(TransferBatchRowStatus status, Long transferId, String message) {
    }

    private Outcome previewAndStart(JobContext context, TransferBatch batch, TransferBatchRow row) throws SQLException {
        setStatus(context, batch.id(), row.line(), TransferBatchRowStatus.PREVIEWING, null, null);
        TransferPreview preview;
        try {
            preview = transfers.preview(row.from(), row.to(), batch.sourceAccount());
        } catch (CampusException e) {
            return new Outcome(TransferBatchRowStatus.FAILED, null, "the preview was refused: " + message(e));
        }
        List<String> failedProviders = preview.providers().stream()
                .filter(p -> p.outcome() == ProviderListing.Outcome.FAILED)
                .map(p -> p.provider() + " (" + p.message() + ")").toList();
        if (!failedProviders.isEmpty()) {
            return new Outcome(TransferBatchRowStatus.FAILED, null, "a transfer provider could not list its items: "
                    + String.join("; ", failedProviders));
        }
        if (preview.items().isEmpty()) {
            return new Outcome(TransferBatchRowStatus.EMPTY, null, "the providers list nothing to transfer");
        }
        Map<String, Resolution> resolutions = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        for (PreviewItem item : preview.items()) {
            if (item.conflict() == null) {
                continue;
            }
            Resolution r = batch.resolution();
            boolean offered = r != null
                    && item.conflict().offers().stream().map(ResolutionOffer::resolution).anyMatch(r::equals);
            if (offered) {
                resolutions.put(item.id(), r);
            } else {
                unresolved.add(item.id() + " (offers " + item.conflict().offers().stream()
                        .map(o -> Codes.code(o.resolution())).collect(Collectors.joining(", ")) + ")");
            }
        }
        if (!unresolved.isEmpty()) {
            String names = unresolved.stream().limit(NAMED_ITEMS).collect(Collectors.joining("; "))
                    + (unresolved.size() > NAMED_ITEMS ? " and " + (unresolved.size() - NAMED_ITEMS) + " more" : "");
            return new Outcome(TransferBatchRowStatus.NEEDS_RESOLUTION, null, unresolved.size()
                    + " conflicting item(s) " + (batch.resolution() == null ? "need a resolution (the batch has none): "
                            : "do not offer " + Codes.code(batch.resolution()) + ": ") + names);
        }
        List<String> items = preview.items().stream().map(PreviewItem::id).toList();
        try {
            Transfer t = transfers.start(new NewTransfer(row.from(), row.to(), items, false, resolutions,
                    batch.sourceAccount()), batch.requestedBy());
            context.log(JobLogLevel.INFO, "line {}: transfer {} of {} items started", row.line(), t.id(), items.size());
            return new Outcome(TransferBatchRowStatus.STARTED, t.id(), null);
        } catch (ConflictException e) {
            return new Outcome(TransferBatchRowStatus.BLOCKED, null, e.getMessage());
        } catch (CampusException e) {
            return new Outcome(TransferBatchRowStatus.FAILED, null, "the transfer was refused: " + message(e));
        }
    }

    private static String message(CampusException e) {
        if (e instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            return invalid.errors().stream().limit(5).map(FieldError::message).collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }

    /**
     * The transfer the batch started for a row whose attempt died between starting it and recording
     * it: the requester's transfer between the row's two users created since the row was previewed.
     */
    private Optional<Long> startedBefore(TransferBatch batch, TransferBatchRow row) {
        Page<Transfer> page = transfers.list(new TransferQuery(row.from().id(), null, batch.requestedBy(),
                row.timeModified(), null), PageRequest.first(50));
        return page.items().stream().filter(t -> t.to().id().value().equals(row.to().id().value())
                && t.from().id().value().equals(row.from().id().value())).map(Transfer::id).findFirst();
    }

    /** A followed transfer as it ended ({@code null}: it no longer exists), or {@code stopped}: the node stops first. */
    private record Followed(Transfer transfer, boolean stopped) {
    }

    /**
     * Waits for a transfer to end. A batch cancelled by an admin cancels the transfer and waits for
     * it to stop.
     */
    private Followed follow(JobContext context, long transferId) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        waiting.put(transferId, latch);
        boolean cancelSent = false;
        try {
            while (true) {
                Transfer t = transfers.find(transferId).orElse(null);
                if (t == null || t.state().isEnded()) {
                    return new Followed(t, false);
                }
                if (context.isCancelled()) {
                    boolean asked = jobs.find(context.job().id()).map(Job::cancelRequested).orElse(true);
                    if (!asked) {
                        return new Followed(null, true); // the node stops: the next attempt follows it again
                    }
                    if (!cancelSent) {
                        cancelSent = true;
                        try {
                            transfers.cancel(transferId);
                        } catch (ConflictException e) {
                            // it ended meanwhile: read again
                        }
                    }
                }
                context.heartbeat();
                latch.await(poll.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            waiting.remove(transferId);
        }
    }

    private void setStatus(JobContext context, long id, int line, TransferBatchRowStatus status, Long transferId,
            String message) throws SQLException {
        long now = clock.millis();
        context.checkpoint("line " + line + " " + status.code(), Integer.toString(line), c -> {
            if (!repository.status(c, id, line, status, transferId, message, now)) {
                throw new DatabaseException("transfer batch " + id + " has no line " + line, null);
            }
            return null;
        });
    }

}
