package org.campus.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load phase on one target, and what it measured: {@code bench.threads} client threads each run
 * iterations until the phase's time is up or the shared budget of {@code bench.maxIterations} is
 * spent. An iteration reports itself through its {@link Recorder}: done (with its latency and the
 * latency of its parts), an error of some kind, or a conflict (a 409 from a lost race, counted apart).
 */
final class LoadPhase {

    /** What one client thread does, one iteration per call. */
    interface Iteration {
        void run(long seq, Recorder recorder) throws IOException, InterruptedException;
    }

    /** Makes the iteration of client thread {@code index} (0 to threads-1), before the phase starts. */
    interface Iterations {
        Iteration forThread(int index);
    }

    long elapsedNanos;
    long ok;
    long errors;
    long conflicts;
    long serverCpuNanos = -1;
    long clientCpuNanos = -1;
    final Map<String, Long> errorKinds = new TreeMap<>();
    final List<String> errorSamples = new ArrayList<>();
    /** Latency of whole iterations. */
    final LongList iteration = new LongList();
    /** Latency of named parts of an iteration (say, each request), in the order first seen. */
    final Map<String, LongList> parts = new LinkedHashMap<>();

    double iterationsPerSecond() {
        return elapsedNanos == 0 ? 0 : ok / (elapsedNanos / 1e9);
    }

    LongList part(String name) {
        return parts.computeIfAbsent(name, n -> new LongList());
    }

    String oneLine() {
        return String.format(Locale.ROOT, "%.1f iter/s, p50 %.2f ms, p99 %.2f ms, %d ok, %d errors%s",
                iterationsPerSecond(), BenchSupport.ms(iteration.percentile(50)),
                BenchSupport.ms(iteration.percentile(99)), ok, errors,
                conflicts == 0 ? "" : ", " + conflicts + " conflicts");
    }

    /** The error kinds and a few sample answers, when there were errors. */
    void printErrors(String target) {
        if (errors > 0) {
            System.out.printf("%s errors: %s%n", target, errorKinds);
            errorSamples.stream().limit(3).forEach(s -> System.out.printf("  e.g. %s%n", s));
        }
    }

    static LoadPhase merge(List<LoadPhase> phases) {
        LoadPhase m = new LoadPhase();
        boolean serverCpu = true;
        boolean clientCpu = true;
        m.serverCpuNanos = 0;
        m.clientCpuNanos = 0;
        for (LoadPhase p : phases) {
            m.add(p);
            serverCpu &= p.serverCpuNanos >= 0;
            clientCpu &= p.clientCpuNanos >= 0;
            m.serverCpuNanos += Math.max(0, p.serverCpuNanos);
            m.clientCpuNanos += Math.max(0, p.clientCpuNanos);
        }
        if (!serverCpu) {
            m.serverCpuNanos = -1;
        }
        if (!clientCpu) {
            m.clientCpuNanos = -1;
        }
        return m;
    }

    /** Adds counts and latencies (not the elapsed and CPU times, which merge sums apart). */
    private void add(LoadPhase p) {
        elapsedNanos += p.elapsedNanos;
        ok += p.ok;
        errors += p.errors;
        conflicts += p.conflicts;
        p.errorKinds.forEach((k, v) -> errorKinds.merge(k, v, Long::sum));
        errorSamples.addAll(p.errorSamples);
        iteration.addAll(p.iteration);
        p.parts.forEach((k, v) -> part(k).addAll(v));
    }

    /**
     * Runs the load on one target for {@code seconds} (bounded by bench.maxIterations too) and returns
     * what it measured, with the CPU time {@code server} and this JVM used meanwhile.
     */
    static LoadPhase run(String target, BenchConfig cfg, int seconds, BenchSupport.CpuSource server,
            Iterations iterations) throws InterruptedException {
        if (seconds <= 0) {
            return new LoadPhase();
        }
        AtomicLong budget = new AtomicLong(cfg.maxIterations);
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        Recorder[] recorders = new Recorder[cfg.threads];
        Iteration[] work = new Iteration[cfg.threads];
        for (int i = 0; i < work.length; i++) {
            work[i] = iterations.forThread(i);
        }
        Thread[] threads = new Thread[cfg.threads];
        long serverCpu0 = server.serverCpuNanos();
        long clientCpu0 = BenchSupport.clientCpuNanos();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < threads.length; i++) {
            Recorder r = recorders[i] = new Recorder(target, samples);
            Iteration it = work[i];
            threads[i] = new Thread(() -> r.loop(it, deadline, budget), target + "-client-" + i);
            threads[i].start();
        }
        long hardStop = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 2_000L * cfg.timeoutSeconds + 5_000;
        for (Thread t : threads) {
            t.join(Math.max(1, hardStop));
            if (t.isAlive()) {
                t.interrupt();
                t.join(5_000);
            }
        }
        long elapsed = System.nanoTime() - start;
        long serverCpu1 = server.serverCpuNanos();
        long clientCpu1 = BenchSupport.clientCpuNanos();

        LoadPhase p = new LoadPhase();
        p.elapsedNanos = elapsed;
        for (Recorder r : recorders) {
            p.add(r.phase);
        }
        p.errorSamples.addAll(samples);
        p.serverCpuNanos = serverCpu0 >= 0 && serverCpu1 >= 0 ? serverCpu1 - serverCpu0 : -1;
        p.clientCpuNanos = clientCpu0 >= 0 && clientCpu1 >= 0 ? clientCpu1 - clientCpu0 : -1;
        return p;
    }

    /** One client thread's tally; used by that thread only. */
    static final class Recorder {
        private final String target;
        private final ConcurrentLinkedQueue<String> samples;
        private final LoadPhase phase = new LoadPhase();
        private final Map<String, Long> pending = new LinkedHashMap<>();

        Recorder(String target, ConcurrentLinkedQueue<String> samples) {
            this.target = target;
            this.samples = samples;
        }

        /** The latency of a part of the current iteration; kept only if the iteration completes. */
        void part(String name, long nanos) {
            pending.put(name, nanos);
        }

        /** The current iteration completed, in {@code nanos}. */
        void ok(long nanos) {
            phase.ok++;
            phase.iteration.add(nanos);
            pending.forEach((k, v) -> phase.part(k).add(v));
            pending.clear();
        }

        void error(String kind, String body) {
            pending.clear();
            phase.errors++;
            phase.errorKinds.merge(kind, 1L, Long::sum);
            if (samples.size() < 10) {
                samples.add(target + " " + kind + ": " + BenchSupport.snippet(body));
            }
        }

        /** A lost race (409): neither done nor an error. */
        void conflict() {
            pending.clear();
            phase.conflicts++;
        }

        private void loop(Iteration it, long deadline, AtomicLong budget) {
            long seq = 0;
            while (System.nanoTime() < deadline && budget.getAndDecrement() > 0 && !Thread.currentThread().isInterrupted()) {
                seq++;
                try {
                    it.run(seq, this);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                    error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                    pause(); // do not spin on a refused connection
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
