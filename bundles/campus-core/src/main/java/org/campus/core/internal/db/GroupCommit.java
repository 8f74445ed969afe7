package org.campus.core.internal.db;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit on the callers' own threads: {@link #submit} returns once its item is written and
 * committed, and items submitted concurrently share one batch and one commit. No thread of its own:
 * the first caller that finds no batch being written writes everything queued (up to the batch
 * size) for everybody; the others wait, and one of them writes what queued up meanwhile. Under load
 * a commit thus carries as many items as requests arrived during the previous one.
 *
 * <p>A batch that fails goes back to the head of the queue, in order, and is tried again after a
 * backoff (doubling up to a second). A caller waits at most {@code maxWait} for its item; past it,
 * {@link NotWrittenException} tells it that the item is not written yet, and the item stays queued
 * for the next batch: an item is never dropped while this object lives.
 */
public final class GroupCommit<T> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The item was not written within the time a caller waits; it stays queued. */
    public static final class NotWrittenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotWrittenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Pending<T> {
        final T item;
        boolean written;

        Pending(T item) {
            this.item = item;
        }
    }

    private final String name;
    private final Consumer<List<T>> writer;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private boolean writing;
    private int failures;
    private long retryAt = System.nanoTime();
    private RuntimeException lastFailure;

    /**
     * @param name what the items are, for messages
     * @param writer writes and commits one batch, in one transaction, or throws and leaves nothing written
     * @param maxBatch the most items in one batch
     * @param maxWait how long {@link #submit} waits for its item
     */
    public GroupCommit(String name, Consumer<List<T>> writer, int maxBatch, Duration maxWait) {
        this.name = name;
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * Queues {@code item} and returns once it is committed.
     *
     * @throws NotWrittenException not committed within the wait; it is still queued
     */
    public void submit(T item) {
        Pending<T> mine = new Pending<>(item);
        long deadline = System.nanoTime() + maxWaitNanos;
        lock.lock();
        try {
            queue.addLast(mine);
            while (!mine.written) {
                long now = System.nanoTime();
                if (!writing && now - retryAt >= 0) {
                    writeBatch();
                    continue;
                }
                long left = deadline - now;
                if (left <= 0) {
                    throw new NotWrittenException(name + " not written within " + maxWaitNanos / 1_000_000
                            + " ms; kept to be written with a later batch", lastFailure);
                }
                changed.awaitNanos(writing ? left : Math.min(left, retryAt - now));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotWrittenException(name + ": interrupted while waiting; kept to be written with a later batch",
                    e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes whatever is queued, trying failed batches again until {@code maxWait} has passed (when
     * the component goes away). Returns how many items are still not written.
     */
    public int drain() {
        long deadline = System.nanoTime() + maxWaitNanos;
        lock.lock();
        try {
            while (!queue.isEmpty() && System.nanoTime() - deadline < 0) {
                long now = System.nanoTime();
                if (!writing && now - retryAt >= 0) {
                    writeBatch();
                } else {
                    long until = writing || deadline - retryAt < 0 ? deadline : retryAt;
                    changed.awaitNanos(Math.max(1, until - now));
                }
            }
            return queue.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many items wait to be written (for tests and diagnostics). */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held, returns with it held; releases it while the batch is written. */
    private void writeBatch() {
        writing = true;
        List<Pending<T>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
        while (batch.size() < maxBatch && !queue.isEmpty()) {
            batch.add(queue.pollFirst());
        }
        List<T> items = new ArrayList<>(batch.size());
        batch.forEach(p -> items.add(p.item));
        Throwable failure = null;
        lock.unlock();
        try {
            writer.accept(items);
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            lock.lock();
        }
        writing = false;
        if (failure == null) {
            batch.forEach(p -> p.written = true);
            failures = 0;
        } else {
            for (int i = batch.size() - 1; i >= 0; i--) {
                queue.addFirst(batch.get(i));
            }
            failures++;
            long backoff = Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(failures - 1, 10));
            retryAt = System.nanoTime() + backoff;
            lastFailure = failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
            LOG.warn("{}: a batch of {} could not be written (failure {} in a row); trying again in {} ms: {}", name,
                    batch.size(), failures, TimeUnit.NANOSECONDS.toMillis(backoff), failure.toString());
        }
        changed.signalAll();
        if (failure instanceof Error error) {
            throw error;
        }
    }
}
