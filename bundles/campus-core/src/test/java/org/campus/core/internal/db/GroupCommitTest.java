package org.campus.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** The batches written, in order; fails the first {@code failures} attempts. */
    private static final class Store {
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        volatile CountDownLatch gate;

        void write(List<Integer> batch) {
            attempts.incrementAndGet();
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("commit failed");
            }
            batches.add(List.copyOf(batch));
        }

        List<Integer> written() {
            List<Integer> all = new ArrayList<>();
            synchronized (batches) {
                batches.forEach(all::addAll);
            }
            return all;
        }
    }

    private final Store store = new Store();
    private final GroupCommit<Integer> commits = new GroupCommit<>("items", store::write, 100, Duration.ofSeconds(10));

    @Test
    void submitReturnsOnceItsItemIsWritten() {
        commits.submit(1);
        commits.submit(2);

        assertEquals(List.of(List.of(1), List.of(2)), store.batches);
        assertEquals(0, commits.queued());
    }

    @Test
    void itemsSubmittedWhileABatchIsWrittenShareTheNextOne() throws Exception {
        store.gate = new CountDownLatch(1); // the first batch waits until the others have queued
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<?> first = pool.submit(() -> commits.submit(0));
            while (store.attempts.get() == 0) {
                Thread.onSpinWait();
            }
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int item = i;
                others.add(pool.submit(() -> commits.submit(item)));
            }
            while (commits.queued() < 8) {
                Thread.onSpinWait();
            }
            store.gate.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : others) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(2, store.batches.size(), "one commit for the first, one for the eight queued meanwhile");
        assertEquals(List.of(0), store.batches.get(0));
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), new HashSet<>(store.batches.get(1)));
    }

    @Test
    void aFailedBatchIsWrittenAgainInOrderAndNothingIsLost() throws Exception {
        store.failures.set(3);
        int threads = 4;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        commits.submit(base + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> written = store.written();
        assertEquals(threads * each, written.size());
        assertEquals(threads * each, new HashSet<>(written).size(), "each item once");
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            List<Integer> mine = written.stream().filter(i -> i >= base && i < base + each).toList();
            for (int i = 1; i < mine.size(); i++) {
                assertTrue(mine.get(i - 1) < mine.get(i), "a caller's items in the order submitted");
            }
        }
        assertEquals(store.batches.size() + 3, store.attempts.get(), "the three failed batches were tried again");
    }

    @Test
    void aCallerWaitsAtMostItsTimeAndTheItemIsKept() {
        GroupCommit<Integer> impatient = new GroupCommit<>("items", store::write, 100, Duration.ofMillis(200));
        store.failures.set(Integer.MAX_VALUE);

        assertThrows(GroupCommit.NotWrittenException.class, () -> impatient.submit(7));
        assertEquals(1, impatient.queued());

        store.failures.set(0);
        assertEquals(0, impatient.drain());
        assertEquals(List.of(7), store.written());
    }
}
