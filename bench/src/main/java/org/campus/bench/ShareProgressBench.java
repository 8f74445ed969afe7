package org.campus.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads the share-progress API, create then read, from concurrent clients on loopback, first on the
 * bare baseline ({@link BaselineServer}), then on a running Campus, and prints both throughputs,
 * latencies, errors and the ratio campus/baseline. Each client iteration is a {@code POST} that
 * creates a share followed by a {@code GET} of that share's id; an iteration counts when both answer
 * 2xx with the expected id, and any other answer (or I/O failure) is an error.
 *
 * <p><b>Why the baseline runs in a JVM of its own.</b> Campus runs in its own JVM (Karaf), away from
 * this load generator. Were the baseline in this JVM it would share heap, GC pauses, JIT queue and
 * safepoints with the client threads, which Campus does not; so it gets a JVM of its own, started
 * with the same {@code java} and no tuning flags (Karaf's start script adds none either). Both server
 * JVMs stay up for the whole run and each idles while the other is loaded, so the machine looks the
 * same to both. The baseline JVM stops when this one closes its standard input, even on a crash.
 *
 * <p>Settings (system properties; durations in seconds):
 * <pre>
 * bench.target      both | baseline | campus          (both)
 * campus.url        base URL of Campus                 (http://127.0.0.1:8181)
 * campus.pid / campus.pidFile   Campus JVM pid, for its CPU time (optional; the script passes karaf.pid)
 * campus.home       the unpacked Campus distribution: the baseline JVM gets the same derby.* settings
 *                   as Campus's etc/system.properties (optional; without it Derby runs with defaults)
 * CAMPUS_LMS_API_KEY  (also read from the environment) sent to Campus as "Authorization: Bearer ..."
 * bench.threads     concurrent clients                 (16)
 * bench.client      urlconnection | jdk: the HTTP client (urlconnection; see LoadClient)
 * bench.warmup      warm-up per target, not measured   (15)
 * bench.duration    measured time per target and round (10)
 * bench.rounds      measured rounds; the order alternates: baseline, Campus, Campus, baseline, ... (2)
 * bench.maxIterations  bound on iterations per phase   (2000000)
 * bench.timeout     per-request timeout                (10)
 * bench.targetRatio the goal campus/baseline           (0.8)
 * bench.failBelowTarget  exit 2 when the goal is missed or a run had errors (false)
 * bench.workDir     where the baseline's Derby database and logs go (this module's target/)
 * bench.baseline.jvmArgs  extra JVM flags for the baseline JVM, space separated (none)
 * </pre>
 */
public final class ShareProgressBench {

    private static final String API = "/campus/api/v1/share-progress";

    public static void main(String[] args) throws Exception {
        BenchConfig cfg = BenchConfig.fromSystemProperties(0.8);
        System.out.printf(Locale.ROOT, "Share-progress benchmark: %d client threads, %d s warm-up, %d s x %d round(s) "
                + "measured per target, loopback, %s client; %d CPUs, Java %s%n", cfg.threads, cfg.warmupSeconds,
                cfg.durationSeconds, cfg.rounds, cfg.client, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        List<Target> targets = new ArrayList<>();
        BaselineProcess baselineProcess = null;
        int exit = 0;
        try {
            if (cfg.runBaseline) {
                baselineProcess = BaselineProcess.start(cfg);
                targets.add(new Target("baseline", "http://127.0.0.1:" + baselineProcess.port, null,
                        baselineProcess.process.pid(), cfg));
                System.out.printf("baseline: bare Jetty servlet + dbcp2 + embedded Derby, pid %d, %s%n",
                        baselineProcess.process.pid(), targets.get(targets.size() - 1).baseUrl);
            }
            if (cfg.runCampus) {
                Long pid = cfg.campusPid();
                targets.add(new Target("campus", cfg.campusUrl, cfg.apiKey, pid, cfg));
                System.out.printf("campus:   %s%s%s%n", cfg.campusUrl, pid == null ? "" : ", pid " + pid,
                        cfg.apiKey == null ? ", no API key" : ", with API key (Bearer)");
            }

            BenchSupport.quiesce(targets);
            System.out.println("CPU use by processes other than the bench and its servers: " + BenchSupport.machineBusy(targets));

            // check each target once, then warm each up
            for (Target t : targets) {
                Optional<String> problem = t.preflight();
                if (problem.isPresent()) {
                    t.unavailable = problem.get();
                    System.out.printf("%s: NOT AVAILABLE - %s%n", t.name, t.unavailable);
                    exit = 1;
                    continue;
                }
                System.out.printf("%s: warming up for %d s...%n", t.name, cfg.warmupSeconds);
                LoadPhase warm = t.run(cfg.warmupSeconds);
                System.out.printf("%s: warm-up %s%n", t.name, warm.oneLine());
            }
            for (int round = 1; round <= cfg.rounds; round++) {
                // ABBA order: baseline first in odd rounds, Campus first in even ones, so that drift over
                // the run (client JIT, growing tables) does not favour one side
                List<Target> order = new ArrayList<>(targets);
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (Target t : order) {
                    if (t.unavailable != null) {
                        continue;
                    }
                    BenchSupport.quiesce(targets);
                    System.out.printf("%s: measuring round %d/%d for %d s...%n", t.name, round, cfg.rounds,
                            cfg.durationSeconds);
                    LoadPhase p = t.run(cfg.durationSeconds);
                    System.out.printf("%s: round %d %s%n", t.name, round, p.oneLine());
                    t.measured.add(p);
                }
            }
        } finally {
            if (baselineProcess != null) {
                baselineProcess.close();
            }
        }

        exit = Math.max(exit, report(cfg, targets));

        System.exit(exit);
    }

    /** Prints the summary; returns the exit code it calls for. */
    private static int report(BenchConfig cfg, List<Target> targets) {
        System.out.println();
        System.out.println("== Share-progress: POST create + GET by id per iteration ==");
        System.out.printf(Locale.ROOT, "%-9s %9s %9s %8s %8s %15s %15s %7s %12s %12s%n", "target", "iter/s", "req/s",
                "p50 ms", "p99 ms", "POST p50/p99", "GET p50/p99", "errors", "srv CPU/it", "cli CPU/it");
        Map<String, LoadPhase> totals = new LinkedHashMap<>();
        for (Target t : targets) {
            if (t.unavailable != null) {
                System.out.printf("%-9s not available: %s%n", t.name, t.unavailable);
                continue;
            }
            LoadPhase total = LoadPhase.merge(t.measured);
            totals.put(t.name, total);
            System.out.printf(Locale.ROOT, "%-9s %9.1f %9.1f %8.2f %8.2f %15s %15s %7d %12s %12s%n", t.name,
                    total.iterationsPerSecond(), 2 * total.iterationsPerSecond(),
                    BenchSupport.ms(total.iteration.percentile(50)), BenchSupport.ms(total.iteration.percentile(99)),
                    String.format(Locale.ROOT, "%.2f/%.2f", BenchSupport.ms(total.part("POST").percentile(50)), BenchSupport.ms(total.part("POST").percentile(99))),
                    String.format(Locale.ROOT, "%.2f/%.2f", BenchSupport.ms(total.part("GET").percentile(50)), BenchSupport.ms(total.part("GET").percentile(99))),
                    total.errors, BenchSupport.cpuPerIteration(total.serverCpuNanos, total.ok),
                    BenchSupport.cpuPerIteration(total.clientCpuNanos, total.ok));
        }
        for (Map.Entry<String, LoadPhase> e : totals.entrySet()) {
            LoadPhase p = e.getValue();
            if (p.errors > 0) {
                System.out.printf("%s errors: %s%n", e.getKey(), p.errorKinds);
                p.errorSamples.stream().limit(3).forEach(s -> System.out.printf("  e.g. %s%n", s));
            }
        }

        LoadPhase base = totals.get("baseline");
        LoadPhase campus = totals.get("campus");
        System.out.println();
        if (base == null || campus == null) {
            System.out.println("ratio campus/baseline: n/a (" + (cfg.runBaseline && cfg.runCampus
                    ? "a target was not available" : "only one target was run") + ")");
            return 0;
        }
        if (base.ok == 0 || campus.ok == 0) {
            System.out.println("ratio campus/baseline: n/a (a target completed no iteration)");
            return cfg.failBelowTarget ? 2 : 0;
        }
        double ratio = campus.iterationsPerSecond() / base.iterationsPerSecond();
        boolean clean = base.errors == 0 && campus.errors == 0;
        boolean met = ratio >= cfg.targetRatio;
        System.out.printf(Locale.ROOT, "ratio campus/baseline throughput: %.2fx (goal >= %.2fx: %s)%s%n", ratio,
                cfg.targetRatio, met ? "MET" : "MISSED", clean ? ""
                        : String.format(Locale.ROOT, " - NOT A CLEAN RUN: %d baseline and %d campus errors, see above",
                                base.errors, campus.errors));
        List<LoadPhase> baseRounds = targets.stream().filter(t -> t.name.equals("baseline")).findFirst().orElseThrow().measured;
        List<LoadPhase> campusRounds = targets.stream().filter(t -> t.name.equals("campus")).findFirst().orElseThrow().measured;
        if (baseRounds.size() > 1 && baseRounds.size() == campusRounds.size()) {
            StringBuilder perRound = new StringBuilder();
            for (int i = 0; i < baseRounds.size(); i++) {
                double b = baseRounds.get(i).iterationsPerSecond();
                perRound.append(i == 0 ? "" : ", ").append(b == 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", campusRounds.get(i).iterationsPerSecond() / b));
            }
            System.out.println("ratio per round: " + perRound);
        }
        System.out.printf(Locale.ROOT, "ratio campus/baseline latency p50: %.2fx, p99: %.2fx%n",
                (double) campus.iteration.percentile(50) / base.iteration.percentile(50),
                (double) campus.iteration.percentile(99) / base.iteration.percentile(99));
        if (campus.serverCpuNanos > 0 && base.serverCpuNanos > 0 && campus.ok > 0 && base.ok > 0) {
            System.out.printf(Locale.ROOT, "ratio campus/baseline server CPU per iteration: %.2fx%n",
                    ((double) campus.serverCpuNanos / campus.ok) / ((double) base.serverCpuNanos / base.ok));
        }
        System.out.printf(Locale.ROOT, "RESULT baseline_iter_s=%.1f campus_iter_s=%.1f ratio=%.3f baseline_errors=%d "
                + "campus_errors=%d goal=%.2f %s%n", base.iterationsPerSecond(), campus.iterationsPerSecond(), ratio,
                base.errors, campus.errors, cfg.targetRatio, met && clean ? "MET" : met ? "MET_WITH_ERRORS" : "MISSED");
        return cfg.failBelowTarget && !(met && clean) ? 2 : 0;
    }

    /** One server under load. */
    static final class Target implements BenchSupport.CpuSource {
        final String name;
        final String baseUrl;
        final String apiKey;
        final Long pid;
        final BenchConfig cfg;
        final LoadClient client;
        final URI collection;
        final List<LoadPhase> measured = new ArrayList<>();
        String unavailable;

        Target(String name, String baseUrl, String apiKey, Long pid, BenchConfig cfg) {
            this.name = name;
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.pid = pid;
            this.cfg = cfg;
            // HTTP/1.1 with keep-alive, as an LMS talking to Campus would; one connection per client thread
            this.client = LoadClient.create(cfg.client, apiKey, cfg.timeoutSeconds, cfg.threads);
            this.collection = URI.create(baseUrl + API);
        }

        /** One create and one read, with a readable reason if they do not work. */
        Optional<String> preflight() {
            try {
                LoadClient.Answer post = create(1, 1);
                if (!post.ok()) {
                    return Optional.of("POST " + collection + " answered " + post.status() + ": " + BenchSupport.snippet(post.body()));
                }
                JsonNode created = BaselineServer.JSON.readTree(post.body());
                if (!created.path("id").canConvertToLong()) {
                    return Optional.of("POST answered " + post.status() + " without a numeric id: " + BenchSupport.snippet(post.body()));
                }
                long id = created.path("id").asLong();
                if (post.status() != 201) {
                    System.out.printf("%s: note: create answered %d, the contract says 201%n", name, post.status());
                }
                if (!"in_progress".equals(created.path("status").asText())) {
                    System.out.printf("%s: note: created share has status %s, expected in_progress%n", name,
                            created.path("status"));
                }
                if (post.location() == null) {
                    System.out.printf("%s: note: create answered without a Location header%n", name);
                }
                LoadClient.Answer get = read(id);
                if (!get.ok()) {
                    return Optional.of("GET " + collection + "/" + id + " answered " + get.status() + ": " + BenchSupport.snippet(get.body()));
                }
                if (BaselineServer.JSON.readTree(get.body()).path("id").asLong() != id) {
                    return Optional.of("GET " + id + " returned another record: " + BenchSupport.snippet(get.body()));
                }
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e.getClass().getSimpleName() + " on " + collection + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }

        /** POST a new activity share; distinct users and courses, as many LMS users sharing at once would be. */
        LoadClient.Answer create(long seq, int thread) throws IOException, InterruptedException {
            String body = "{\"courseId\":" + (1 + seq % 97) + ",\"userId\":" + (1 + thread * 10_000_000L + seq)
                    + ",\"type\":\"activity\",\"cmId\":" + (1 + seq % 1009) + "}";
            return client.post(collection, body);
        }

        /** GET one share by id. */
        LoadClient.Answer read(long id) throws IOException, InterruptedException {
            return client.get(URI.create(collection + "/" + id));
        }

        /** Runs the load for {@code seconds}, bounded by bench.maxIterations too. */
        LoadPhase run(int seconds) throws InterruptedException {
            return LoadPhase.run(name, cfg, seconds, this, index -> (seq, r) -> iteration(index, seq, r));
        }

        /** One iteration of client thread {@code index}: POST then GET, both checked. */
        private void iteration(int index, long seq, LoadPhase.Recorder r) throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            LoadClient.Answer created = create(seq, index);
            long t1 = System.nanoTime();
            if (!created.ok()) {
                r.error("POST " + created.status(), created.body());
                return;
            }
            JsonNode id = BaselineServer.JSON.readTree(created.body()).path("id");
            if (!id.canConvertToLong()) {
                r.error("POST without id", created.body());
                return;
            }
            LoadClient.Answer read = read(id.asLong());
            long t2 = System.nanoTime();
            if (!read.ok()) {
                r.error("GET " + read.status(), read.body());
                return;
            }
            if (BaselineServer.JSON.readTree(read.body()).path("id").asLong() != id.asLong()) {
                r.error("GET wrong record", read.body());
                return;
            }
            r.part("POST", t1 - t0);
            r.part("GET", t2 - t1);
            r.ok(t2 - t0);
        }

        @Override
        public long serverCpuNanos() {
            return BenchSupport.processCpuNanos(pid);
        }
    }
}
