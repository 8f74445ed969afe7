package org.campus.core.internal.transfer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.UndoItem;
import org.campus.api.transfer.UndoOutcome;
import org.campus.core.internal.db.DatabaseException;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.job.JobContext;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferredItem;
import org.campus.spi.transfer.UndoContext;
import org.campus.spi.transfer.UndoRefusal;

/**
 * Undoes the items of a transfer, provider by provider in the reverse order, each provider's items
 * latest first; or, in a dry run, finds every item that could not be undone now, and why. The core
 * refuses by itself what no provider needs to be asked about: an irreversible item, the items of a
 * provider without undo or no longer registered.
 */
final class Undoer {

    private final JdbcTransactions jdbc;
    private final TransferRepository repository;
    private final TransferProviders providers;
    /** How many undo outcomes are committed together. */
    static final int FLUSH = 500;

    Undoer(JdbcTransactions jdbc, TransferRepository repository, TransferProviders providers) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.providers = providers;
    }

    /**
     * Runs over every item there is something to undo of. A dry run returns the refusals only and
     * changes nothing; a real run records and returns every item's undo outcome.
     */
    List<UndoItem> run(Transfer transfer, boolean dryRun, JobContext job, Writes writes) {
        List<UndoItem> result = new ArrayList<>();
        List<String> order = new ArrayList<>(jdbc.read("reading transfer providers",
                c -> repository.providers(c, transfer.id())));
        java.util.Collections.reverse(order);
        Buffer buffer = new Buffer(transfer, writes);
        try {
            for (String provider : order) {
                undoProvider(transfer, provider, dryRun, job, buffer, result);
                buffer.flush();
            }
        } finally {
            // what the providers did before a failure is recorded too
            if (!dryRun) {
                buffer.flush();
            }
        }
        return result;
    }

    private void undoProvider(Transfer transfer, String provider, boolean dryRun, JobContext job, Buffer writes,
            List<UndoItem> result) {
        PagedItems<TransferRepository.ItemRow> candidates = new PagedItems<>(jdbc, repository, transfer.id(), provider,
                true, true, r -> r, ItemResult.TRANSFERRED, ItemResult.FAILED);
        TransferProviders.Registered registered = providers.get(provider).orElse(null);
        long undoable = 0;
        for (TransferRepository.ItemRow row : candidates) {
            String refusal = registered == null ? "the transfer provider " + provider + " is not registered"
                    : !registered.undo() ? "the transfer provider " + provider + " cannot undo its transfers"
                    : row.item().irreversible() ? "the item is irreversible: " + row.item().irreversibleReason()
                    : row.recordJson() == null ? "the provider recorded nothing to undo it from" : null;
            if (refusal == null) {
                undoable++;
            } else {
                UndoRefusal reason = registered == null ? UndoRefusal.FAILED : UndoRefusal.NOT_SUPPORTED;
                report(transfer, row.provider(), row.itemId(), UndoOutcome.REFUSED, reason, refusal, dryRun, writes,
                        result);
            }
        }
        if (undoable == 0) {
            return;
        }
        Iterable<TransferredItem> items = () -> new FilteringIterator(candidates.iterator());
        Set<String> reported = new HashSet<>();
        UndoContext context = new Collect(job, provider, transfer, dryRun, writes, result, reported);
        try {
            registered.provider().undo(new Requests.Undo(transfer.from(), transfer.to(), Long.toString(transfer.id()),
                    transfer.timeEnded() == null ? java.time.Instant.now() : transfer.timeEnded(), dryRun, undoable,
                    items), context);
        } catch (TransferException e) {
            unreported(transfer, provider, candidates, reported, e.adminMessage(), dryRun, writes, result);
            return;
        } catch (RuntimeException e) {
            if (e instanceof org.campus.spi.job.JobSupersededException || e instanceof DatabaseException) {
                throw e;
            }
            unreported(transfer, provider, candidates, reported, "the provider failed: " + e, dryRun, writes, result);
            return;
        }
        unreported(transfer, provider, candidates, reported, "the provider did not report on it", dryRun, writes,
                result);
    }

    private void unreported(Transfer transfer, String provider, Iterable<TransferRepository.ItemRow> candidates,
            Set<String> reported, String why, boolean dryRun, Buffer writes, List<UndoItem> result) {
        for (TransferRepository.ItemRow row : candidates) {
            if (undoable(row) && !reported.contains(row.itemId())) {
                report(transfer, provider, row.itemId(), dryRun ? UndoOutcome.REFUSED : UndoOutcome.FAILED,
                        UndoRefusal.FAILED, why, dryRun, writes, result);
            }
        }
    }

    private static boolean undoable(TransferRepository.ItemRow row) {
        return row.recordJson() != null && !row.item().irreversible();
    }

    private void report(Transfer transfer, String provider, String itemId, UndoOutcome outcome, UndoRefusal reason,
            String detail, boolean dryRun, Buffer writes, List<UndoItem> result) {
        if (dryRun && outcome == UndoOutcome.UNDONE) {
            return;
        }
        result.add(new UndoItem(provider + ":" + itemId, provider, outcome, reason, detail));
        if (!dryRun) {
            writes.add(new TransferRepository.UndoWrite(provider, itemId, outcome, reason, detail));
        }
    }

    /**
     * The undo outcomes of one run reported and not yet committed: committed together in one
     * transaction (with the job's checkpoint when the undo runs in a job) every {@link #FLUSH} items,
     * after each provider, and before the run returns or fails.
     */
    private final class Buffer {
        private final Transfer transfer;
        private final Writes writes;
        private final List<TransferRepository.UndoWrite> pending = new ArrayList<>();

        Buffer(Transfer transfer, Writes writes) {
            this.transfer = transfer;
            this.writes = writes;
        }

        void add(TransferRepository.UndoWrite write) {
            pending.add(write);
            if (pending.size() >= FLUSH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<TransferRepository.UndoWrite> batch = List.copyOf(pending);
            pending.clear();
            TransferRepository.UndoWrite last = batch.get(batch.size() - 1);
            try {
                writes.write("undo " + last.itemId() + " (" + batch.size() + " items)", c -> {
                    repository.undoOutcomes(c, transfer.id(), batch);
                    return null;
                });
            } catch (SQLException e) {
                throw new DatabaseException("recording the undo of transfer " + transfer.id() + " failed", e);
            }
        }
    }

    private static final class FilteringIterator implements java.util.Iterator<TransferredItem> {
        private final java.util.Iterator<TransferRepository.ItemRow> rows;
        private TransferRepository.ItemRow next;

        FilteringIterator(java.util.Iterator<TransferRepository.ItemRow> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            while (next == null && rows.hasNext()) {
                TransferRepository.ItemRow r = rows.next();
                if (undoable(r)) {
                    next = r;
                }
            }
            return next != null;
        }

        @Override
        public TransferredItem next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            TransferRepository.ItemRow r = next;
            next = null;
            return Requests.transferred(r);
        }
    }

    private final class Collect extends WorkContext implements UndoContext {
        private final Transfer transfer;
        private final boolean dryRun;
        private final Buffer writes;
        private final List<UndoItem> result;
        private final Set<String> reported;

        Collect(JobContext job, String provider, Transfer transfer, boolean dryRun, Buffer writes, List<UndoItem> result,
                Set<String> reported) {
            super(job, provider);
            this.transfer = transfer;
            this.dryRun = dryRun;
            this.writes = writes;
            this.result = result;
            this.reported = reported;
        }

        @Override
        public boolean isCancelled() {
            return false; // an undo, once begun, goes to the end
        }

        @Override
        public void undone(String itemId) {
            heartbeat();
            if (reported.add(itemId)) {
                report(transfer, provider, itemId, UndoOutcome.UNDONE, null, null, dryRun, writes, result);
            }
        }

        @Override
        public void refused(String itemId, UndoRefusal reason, String detail) {
            heartbeat();
            if (reported.add(itemId)) {
                report(transfer, provider, itemId, UndoOutcome.REFUSED, reason, detail, dryRun, writes, result);
            }
        }
    }
}
