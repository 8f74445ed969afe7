package org.campus.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One server under load (the baseline or Campus) and the measured phases it ran; a bench subclasses it
 * with its own preflight and iteration. {@link #warmUpAndMeasure} runs the targets the same way in every
 * bench: a preflight each, a warm-up each, then measured rounds in ABBA order.
 */
abstract class BenchTarget implements BenchSupport.CpuSource {
    final String name;
    final String baseUrl;
    final Long pid;
    final BenchConfig cfg;
    /** HTTP/1.1 with keep-alive, as an LMS talking to Campus would; one connection per client thread. */
    final LoadClient client;
    final List<LoadPhase> measured = new ArrayList<>();
    String unavailable;

    BenchTarget(String name, String baseUrl, String apiKey, Long pid, BenchConfig cfg) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.pid = pid;
        this.cfg = cfg;
        this.client = LoadClient.create(cfg.client, apiKey, cfg.timeoutSeconds, cfg.threads);
    }

    /** Makes a target of one bench. */
    interface Factory<T extends BenchTarget> {
        T create(String name, String baseUrl, String apiKey, Long pid);
    }

    /**
     * Adds the targets {@code bench.target} asks for to {@code targets}: the baseline (whose JVM this
     * starts, on a new database or, with {@code keepBaselineDatabase}, on the one left there) and Campus.
     *
     * @return the baseline JVM, for the caller to close; null when the baseline is not run
     */
    static <T extends BenchTarget> BaselineProcess addTargets(BenchConfig cfg, boolean keepBaselineDatabase,
            List<T> targets, Factory<T> factory) throws Exception {
        BaselineProcess baseline = null;
        if (cfg.runBaseline) {
            baseline = BaselineProcess.start(cfg, keepBaselineDatabase);
            T t = factory.create("baseline", "http://127.0.0.1:" + baseline.port, null, baseline.process.pid());
            targets.add(t);
            System.out.printf("baseline: bare Jetty servlet + dbcp2 + %s, pid %d, %s%n",
                    BenchDatabase.fromSystemProperties().postgresql ? "PostgreSQL (the database Campus uses too)"
                            : "embedded Derby", baseline.process.pid(), t.baseUrl);
        }
        if (cfg.runCampus) {
            Long pid = cfg.campusPid();
            targets.add(factory.create("campus", cfg.campusUrl, cfg.apiKey, pid));
            System.out.printf("campus:   %s%s%s%n", cfg.campusUrl, pid == null ? "" : ", pid " + pid,
                    cfg.apiKey == null ? ", no API key" : ", with API key (Bearer)");
        }
        return baseline;
    }

    /** Checks the target once (and prepares what the load needs); a readable reason when it cannot serve. */
    final Optional<String> preflight() {
        try {
            return check();
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + " on " + baseUrl + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** What {@link #preflight} checks; an I/O failure makes the target unavailable too. */
    abstract Optional<String> check() throws IOException, InterruptedException;

    /** Runs the load for at most {@code seconds}. */
    abstract LoadPhase run(int seconds) throws InterruptedException;

    @Override
    public long serverCpuNanos() {
        return BenchSupport.processCpuNanos(pid);
    }

    /**
     * Preflight and warm-up of each target, then {@code rounds} measured rounds in ABBA order: baseline
     * first in odd rounds, Campus first in even ones, so that drift over the run (client JIT, growing
     * tables) does not favour one side. Before each measured phase the servers get to go idle.
     *
     * @return 1 when a target was not available, else 0
     */
    static int warmUpAndMeasure(List<? extends BenchTarget> targets, int warmupSeconds, int durationSeconds,
            int rounds) throws InterruptedException {
        int exit = 0;
        BenchSupport.quiesce(targets);
        System.out.println("CPU use by processes other than the bench and its servers: " + BenchSupport.machineBusy(targets));
        for (BenchTarget t : targets) {
            Optional<String> problem = t.preflight();
            if (problem.isPresent()) {
                t.unavailable = problem.get();
                System.out.printf("%s: NOT AVAILABLE - %s%n", t.name, t.unavailable);
                exit = 1;
                continue;
            }
            System.out.printf("%s: warming up for at most %d s...%n", t.name, warmupSeconds);
            LoadPhase warm = t.run(warmupSeconds);
            System.out.printf("%s: warm-up %s%n", t.name, warm.oneLine());
        }
        for (int round = 1; round <= rounds; round++) {
            List<BenchTarget> order = new ArrayList<>(targets);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (BenchTarget t : order) {
                if (t.unavailable != null) {
                    continue;
                }
                BenchSupport.quiesce(targets);
                System.out.printf("%s: measuring round %d/%d for at most %d s...%n", t.name, round, rounds,
                        durationSeconds);
                LoadPhase p = t.run(durationSeconds);
                System.out.printf("%s: round %d %s%n", t.name, round, p.oneLine());
                t.measured.add(p);
            }
        }
        return exit;
    }
}
