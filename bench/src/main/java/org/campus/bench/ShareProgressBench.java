package org.campus.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            baselineProcess = BenchTarget.addTargets(cfg, false, targets,
                    (name, url, key, pid) -> new Target(name, url, key, pid, cfg));
            exit = BenchTarget.warmUpAndMeasure(targets, cfg.warmupSeconds, cfg.durationSeconds, cfg.rounds);
        } finally {
            if (baselineProcess != null) {
                baselineProcess.close();
            }
        }

        exit = Math.max(exit, ThroughputReport.print(cfg, targets, "Share-progress: POST create + GET by id per iteration",
                2, List.of("POST", "GET"), ""));

        System.exit(exit);
    }

    /** One server under load. */
    static final class Target extends BenchTarget {
        final URI collection;

        Target(String name, String baseUrl, String apiKey, Long pid, BenchConfig cfg) {
            super(name, baseUrl, apiKey, pid, cfg);
            this.collection = URI.create(baseUrl + API);
        }

        /** One create and one read, with a readable reason if they do not work. */
        @Override
        Optional<String> check() throws IOException, InterruptedException {
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
        @Override
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
    }
}
