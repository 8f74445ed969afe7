package org.campus.core.internal.job;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.campus.api.job.JobLogLevel;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.campus.spi.job.JobSupersededException;

/**
 * A test job of {@code steps} steps of {@code stepMs} each (job parameters), resumed after its last
 * checkpoint. It records every step it ran, with the node and attempt, and can be told to hang
 * (stop reporting) or fail at a step.
 */
final class StepExecutor implements JobExecutor {

    static final String TYPE = "test.steps";

    /** One step as run: which job, attempt and node. */
    record Ran(long job, int attempt, String node, int step) {
    }

    final String node;
    final List<Ran> ran = new CopyOnWriteArrayList<>();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    /** Steps at which the first attempt stops reporting until {@link #release} opens (or it is interrupted). */
    final Set<Integer> hangAt = ConcurrentHashMap.newKeySet();
    /** Steps that fail (an exception) while they are in this set. */
    final Set<Integer> failAt = ConcurrentHashMap.newKeySet();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch hanging = new CountDownLatch(1);
    final List<Throwable> afterHang = new CopyOnWriteArrayList<>();

    StepExecutor(String node) {
        this.node = node;
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            int steps = Integer.parseInt(context.job().parameter("steps"));
            long stepMs = Long.parseLong(context.job().parameters().getOrDefault("stepMs", "10"));
            int from = context.lastCheckpoint().map(c -> Integer.parseInt(c.state())).orElse(0);
            context.progress(from, steps);
            for (int step = from + 1; step <= steps; step++) {
                if (context.isCancelled()) {
                    return JobResult.cancelled();
                }
                context.step("step " + step);
                if (failAt.contains(step)) {
                    throw new IllegalStateException("step " + step + " broke");
                }
                if (hangAt.contains(step) && context.job().attempt() == 1) {
                    hang(context, step);
                }
                sleep(stepMs);
                ran.add(new Ran(context.job().id(), context.job().attempt(), node, step));
                context.incrementProgress(1);
                context.log(JobLogLevel.DEBUG, "step {} done", step);
                context.checkpoint("step " + step, Integer.toString(step));
            }
            return JobResult.succeeded();
        } finally {
            concurrent.decrementAndGet();
        }
    }

    /** Stops reporting, as a job stuck on a socket would; what happens once it goes on is kept. */
    private void hang(JobContext context, int step) throws InterruptedException {
        hanging.countDown();
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            afterHang.add(e);
        }
        try {
            context.checkpoint("late " + step, Integer.toString(step));
        } catch (JobSupersededException e) {
            afterHang.add(e);
            throw e;
        }
    }

    private static void sleep(long ms) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(ms);
    }

    static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }
}
