package org.campus.core.internal.transfer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;

import org.campus.api.job.Job;
import org.campus.api.job.JobService;
import org.campus.api.job.NewJob;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.TransferState;
import org.campus.api.transfer.TransferVerification;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.event.Events;
import org.campus.spi.job.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a transfer: closes the items that never got an outcome, verifies, records the end with the
 * verification, frees the two users and queues the LMS callback in one transaction, then posts the
 * event. Also what follows an undo: the event and the callback.
 */
final class TransferEnding {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");

    private final JdbcTransactions jdbc;
    private final TransferRepository repository;
    private final Verifier verifier;
    private final JobService jobs;
    private final Events events;
    private final Clock clock;
    private final TransferSettings settings;

    TransferEnding(JdbcTransactions jdbc, TransferRepository repository, Verifier verifier, JobService jobs,
            Events events, Clock clock, TransferSettings settings) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.verifier = verifier;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** Ends the transfer in {@code state}; {@code job} is its job's context, or null when it never ran. */
    void end(Transfer transfer, TransferState state, String reason, JobContext job) throws SQLException {
        long now = clock.millis();
        String leftOver = state == TransferState.CANCELLED ? "the transfer was cancelled before this item"
                : "the transfer stopped before this item";
        Writes writes = job == null ? Writes.of(jdbc) : Writes.of(job);
        writes.write("close items", c -> {
            repository.closePending(c, transfer.id(), leftOver, now);
            return null;
        });
        TransferVerification verification = verifier.verify(transfer, job);
        String json = TransferJson.verification(verification);
        boolean ended = writes.write("ended", c -> {
            boolean done = repository.ended(c, transfer.id(), state, reason, json, verification.flagged(), null,
                    clock.millis());
            if (done) {
                repository.callback(c, transfer.id(), queueCallback(c, transfer.id(), "transfer"));
                repository.unlock(c, transfer.id());
            }
            return done;
        });
        if (ended) {
            AUDIT.info("transfer {} from user {} to user {} {}{}{}", transfer.id(), transfer.from().id(),
                    transfer.to().id(), state.code(), reason == null ? "" : ": " + reason,
                    verification.flagged() ? " (flagged by its verification)" : "");
            post(TransferService.TOPIC_ENDED, transfer, state.code(), verification.flagged(), ItemResult.TRANSFERRED);
        }
    }

    /** Queues the LMS callback in the caller's transaction; null when no callback URL is configured. */
    Long queueCallback(Connection c, long transferId, String event) throws SQLException {
        if (settings.callbackUrl() == null) {
            return null;
        }
        Job job = jobs.submit(new NewJob(TransferService.JOB_TYPE_CALLBACK, "system",
                Map.of(TransferCallbackExecutor.TRANSFER_ID, Long.toString(transferId), TransferCallbackExecutor.EVENT,
                        event)), c);
        return job.id();
    }

    void post(String topic, Transfer transfer, String state, boolean flagged, ItemResult moved) {
        events.post(topic, "id", transfer.id(), "state", state, "fromUserId", transfer.from().id().value(), "toUserId",
                transfer.to().id().value(), "courses", String.join(",", courses(transfer.id(), moved)), "flagged",
                flagged, "sourceAccount", Codes.code(transfer.sourceAccount()));
    }

    /** The LMS courses of the items with the given outcome, in id order. */
    TreeSet<String> courses(long transferId, ItemResult outcome) {
        TreeSet<String> courses = new TreeSet<>();
        for (TransferRepository.ItemRow row : new PagedItems<>(jdbc, repository, transferId, null, false, false,
                r -> r, outcome)) {
            for (LmsId course : row.item().courses()) {
                courses.add(course.value());
            }
        }
        return courses;
    }
}
