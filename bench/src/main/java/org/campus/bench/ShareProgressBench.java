package org.campus.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
        Config cfg = Config.fromSystemProperties();
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

            quiesce(targets);
            System.out.println("CPU use by processes other than the bench and its servers: " + machineBusy(targets));

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
                Phase warm = t.run(cfg.warmupSeconds);
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
                    quiesce(targets);
                    System.out.printf("%s: measuring round %d/%d for %d s...%n", t.name, round, cfg.rounds,
                            cfg.durationSeconds);
                    Phase p = t.run(cfg.durationSeconds);
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

    /**
     * Waits (at most 15 s) until the server JVMs are idle: after a load phase a JVM goes on compiling
     * and collecting for a while, which would take CPU from the next phase's server on 2 cores.
     */
    private static void quiesce(List<Target> targets) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            long before = 0;
            for (Target t : targets) {
                before += Math.max(0, t.serverCpuNanos());
            }
            Thread.sleep(500);
            long after = 0;
            for (Target t : targets) {
                after += Math.max(0, t.serverCpuNanos());
            }
            if (after - before < TimeUnit.MILLISECONDS.toNanos(25)) { // under 5% of one core
                return;
            }
        }
    }

    /**
     * How busy the CPUs are right now, from two samples of /proc/stat one second apart (Linux only),
     * with a warning when something else uses them: then absolute figures drop and ratios get noisy.
     */
    private static String machineBusy(List<Target> targets) {
        try {
            long own0 = ownCpuNanos(targets);
            long t0 = System.nanoTime();
            long[] a = cpuTicks();
            Thread.sleep(1000);
            long[] b = cpuTicks();
            long own = ownCpuNanos(targets) - own0;
            double ownShare = own < 0 ? 0
                    : 100.0 * own / ((System.nanoTime() - t0) * (double) Runtime.getRuntime().availableProcessors());
            // all CPUs' busy share, less what this JVM and the servers used
            double busy = Math.max(0, 100.0 * ((b[0] - b[1]) - (a[0] - a[1])) / Math.max(1, b[0] - a[0]) - ownShare);
            return String.format(Locale.ROOT, "%.0f%%", busy) + (busy > 20
                    ? "  (WARNING: something else is using the CPUs; absolute figures will be low and ratios noisy)" : "");
        } catch (IOException | RuntimeException e) {
            return "n/a";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "n/a";
        }
    }

    /** CPU time of this JVM and of the server JVMs it knows the pid of. */
    private static long ownCpuNanos(List<Target> targets) {
        long sum = Math.max(0, Target.clientCpuNanos());
        for (Target t : targets) {
            sum += Math.max(0, t.serverCpuNanos());
        }
        return sum;
    }

    /** Total and idle (idle + iowait) ticks of all CPUs. */
    private static long[] cpuTicks() throws IOException {
        String[] f = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /** Prints the summary; returns the exit code it calls for. */
    private static int report(Config cfg, List<Target> targets) {
        System.out.println();
        System.out.println("== Share-progress: POST create + GET by id per iteration ==");
        System.out.printf(Locale.ROOT, "%-9s %9s %9s %8s %8s %15s %15s %7s %12s %12s%n", "target", "iter/s", "req/s",
                "p50 ms", "p99 ms", "POST p50/p99", "GET p50/p99", "errors", "srv CPU/it", "cli CPU/it");
        Map<String, Phase> totals = new LinkedHashMap<>();
        for (Target t : targets) {
            if (t.unavailable != null) {
                System.out.printf("%-9s not available: %s%n", t.name, t.unavailable);
                continue;
            }
            Phase total = Phase.merge(t.measured);
            totals.put(t.name, total);
            System.out.printf(Locale.ROOT, "%-9s %9.1f %9.1f %8.2f %8.2f %15s %15s %7d %12s %12s%n", t.name,
                    total.iterationsPerSecond(), 2 * total.iterationsPerSecond(),
                    ms(total.iteration.percentile(50)), ms(total.iteration.percentile(99)),
                    String.format(Locale.ROOT, "%.2f/%.2f", ms(total.post.percentile(50)), ms(total.post.percentile(99))),
                    String.format(Locale.ROOT, "%.2f/%.2f", ms(total.get.percentile(50)), ms(total.get.percentile(99))),
                    total.errors, cpuPerIteration(total.serverCpuNanos, total.ok),
                    cpuPerIteration(total.clientCpuNanos, total.ok));
        }
        for (Map.Entry<String, Phase> e : totals.entrySet()) {
            Phase p = e.getValue();
            if (p.errors > 0) {
                System.out.printf("%s errors: %s%n", e.getKey(), p.errorKinds);
                p.errorSamples.stream().limit(3).forEach(s -> System.out.printf("  e.g. %s%n", s));
            }
        }

        Phase base = totals.get("baseline");
        Phase campus = totals.get("campus");
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
        List<Phase> baseRounds = targets.stream().filter(t -> t.name.equals("baseline")).findFirst().orElseThrow().measured;
        List<Phase> campusRounds = targets.stream().filter(t -> t.name.equals("campus")).findFirst().orElseThrow().measured;
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

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String cpuPerIteration(long cpuNanos, long ok) {
        if (cpuNanos <= 0 || ok == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f ms", cpuNanos / 1_000_000.0 / ok);
    }

    /** The settings, from system properties. */
    static final class Config {
        boolean runBaseline;
        boolean runCampus;
        String campusUrl;
        String campusPid;
        String campusPidFile;
        Path campusHome;
        String apiKey;
        String client;
        int threads;
        int warmupSeconds;
        int durationSeconds;
        int rounds;
        long maxIterations;
        int timeoutSeconds;
        double targetRatio;
        boolean failBelowTarget;
        Path workDir;
        List<String> baselineJvmArgs;

        static Config fromSystemProperties() {
            Config c = new Config();
            String target = System.getProperty("bench.target", "both").trim().toLowerCase(Locale.ROOT);
            switch (target) {
                case "both" -> { c.runBaseline = true; c.runCampus = true; }
                case "baseline" -> c.runBaseline = true;
                case "campus" -> c.runCampus = true;
                default -> throw new IllegalArgumentException("bench.target must be both, baseline or campus: " + target);
            }
            c.campusUrl = stripSlash(System.getProperty("campus.url", "http://127.0.0.1:8181"));
            c.campusPid = System.getProperty("campus.pid");
            c.campusPidFile = System.getProperty("campus.pidFile");
            String home = System.getProperty("campus.home");
            c.campusHome = home == null || home.isBlank() ? null : Paths.get(home).toAbsolutePath();
            String key = System.getProperty("CAMPUS_LMS_API_KEY", System.getenv("CAMPUS_LMS_API_KEY"));
            c.apiKey = key == null || key.isBlank() ? null : key.trim();
            c.client = System.getProperty("bench.client", "urlconnection").trim().toLowerCase(Locale.ROOT);
            c.threads = positive("bench.threads", 16);
            c.warmupSeconds = Integer.getInteger("bench.warmup", 15);
            c.durationSeconds = positive("bench.duration", 10);
            c.rounds = positive("bench.rounds", 2);
            c.maxIterations = Long.getLong("bench.maxIterations", 2_000_000L);
            c.timeoutSeconds = positive("bench.timeout", 10);
            c.targetRatio = Double.parseDouble(System.getProperty("bench.targetRatio", "0.8"));
            c.failBelowTarget = Boolean.getBoolean("bench.failBelowTarget");
            String dir = System.getProperty("bench.workDir");
            c.workDir = (dir != null ? Paths.get(dir) : defaultWorkDir()).toAbsolutePath();
            String jvm = System.getProperty("bench.baseline.jvmArgs", "").trim();
            c.baselineJvmArgs = jvm.isEmpty() ? List.of() : Arrays.asList(jvm.split("\\s+"));
            return c;
        }

        Long campusPid() {
            try {
                if (campusPid != null && !campusPid.isBlank()) {
                    return Long.parseLong(campusPid.trim());
                }
                if (campusPidFile != null && Files.isRegularFile(Paths.get(campusPidFile))) {
                    return Long.parseLong(Files.readString(Paths.get(campusPidFile)).trim());
                }
            } catch (IOException | NumberFormatException e) {
                System.out.println("campus: cannot read its pid (" + e + "); its CPU time is not reported");
            }
            return null;
        }

        private static Path defaultWorkDir() {
            try {
                // .../bench/target/classes -> .../bench/target
                Path classes = Paths.get(ShareProgressBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return classes.getParent();
            } catch (Exception e) {
                return Paths.get("target");
            }
        }

        private static int positive(String name, int dflt) {
            int v = Integer.getInteger(name, dflt);
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
            return v;
        }

        private static String stripSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /** The baseline server in its own JVM. */
    static final class BaselineProcess implements AutoCloseable {
        final Process process;
        final int port;

        private BaselineProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static BaselineProcess start(Config cfg) throws Exception {
            Files.createDirectories(cfg.workDir);
            Path log = cfg.workDir.resolve("baseline-server.log");
            List<String> cmd = new ArrayList<>();
            cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            List<String> derby = campusDerbySettings(cfg.campusHome);
            if (!derby.isEmpty()) {
                System.out.println("baseline: Derby settings as in Campus's etc/system.properties: " + derby);
            }
            cmd.addAll(derby);
            cmd.addAll(cfg.baselineJvmArgs);
            cmd.add("-Dorg.eclipse.jetty.LEVEL=WARN");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(BaselineServer.class.getName());
            cmd.add(cfg.workDir.resolve("baseline-db").toString());
            cmd.add("0");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            CompletableFuture<Integer> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        out.println(line);
                        if (line.startsWith(BaselineServer.READY)) {
                            ready.complete(Integer.parseInt(line.substring(BaselineServer.READY.length()).trim()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    ready.completeExceptionally(e);
                }
                ready.completeExceptionally(new IllegalStateException("baseline JVM ended before it served; see " + log));
            }, "baseline-log");
            pump.setDaemon(true);
            pump.start();
            try {
                return new BaselineProcess(p, ready.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                p.destroyForcibly();
                throw new IllegalStateException("baseline did not start: " + e.getMessage() + " (log: " + log + ")", e);
            }
        }

        /**
         * The derby.* system properties Campus runs with (from its etc/system.properties), as -D flags, so
         * that both databases are tuned alike; its own home and log file excepted.
         */
        static List<String> campusDerbySettings(Path campusHome) throws IOException {
            List<String> out = new ArrayList<>();
            if (campusHome == null) {
                return out;
            }
            Path file = campusHome.resolve("etc").resolve("system.properties");
            if (!Files.isRegularFile(file)) {
                System.out.println("baseline: no " + file + "; Derby runs with its defaults");
                return out;
            }
            java.util.Properties props = new java.util.Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                props.load(in);
            }
            for (String key : new java.util.TreeSet<>(props.stringPropertyNames())) {
                String value = props.getProperty(key).trim();
                if (key.startsWith("derby.") && !key.equals("derby.system.home")
                        && !key.equals("derby.stream.error.file") && !value.contains("${")) {
                    out.add("-D" + key + "=" + value);
                }
            }
            return out;
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close(); // the baseline stops on EOF
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    /** One server under load. */
    static final class Target {
        final String name;
        final String baseUrl;
        final String apiKey;
        final Long pid;
        final Config cfg;
        final LoadClient client;
        final URI collection;
        final List<Phase> measured = new ArrayList<>();
        String unavailable;

        Target(String name, String baseUrl, String apiKey, Long pid, Config cfg) {
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
                    return Optional.of("POST " + collection + " answered " + post.status() + ": " + snippet(post.body()));
                }
                JsonNode created = BaselineServer.JSON.readTree(post.body());
                if (!created.path("id").canConvertToLong()) {
                    return Optional.of("POST answered " + post.status() + " without a numeric id: " + snippet(post.body()));
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
                    return Optional.of("GET " + collection + "/" + id + " answered " + get.status() + ": " + snippet(get.body()));
                }
                if (BaselineServer.JSON.readTree(get.body()).path("id").asLong() != id) {
                    return Optional.of("GET " + id + " returned another record: " + snippet(get.body()));
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
        Phase run(int seconds) throws InterruptedException {
            if (seconds <= 0) {
                return new Phase();
            }
            AtomicLong budget = new AtomicLong(cfg.maxIterations);
            ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
            Worker[] workers = new Worker[cfg.threads];
            Thread[] threads = new Thread[cfg.threads];
            long serverCpu0 = serverCpuNanos();
            long clientCpu0 = clientCpuNanos();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            for (int i = 0; i < threads.length; i++) {
                workers[i] = new Worker(this, i, deadline, budget, samples);
                threads[i] = new Thread(workers[i], name + "-client-" + i);
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
            long serverCpu1 = serverCpuNanos();
            long clientCpu1 = clientCpuNanos();

            Phase p = new Phase();
            p.elapsedNanos = elapsed;
            for (Worker w : workers) {
                p.ok += w.ok;
                p.errors += w.errors;
                w.errorKinds.forEach((k, v) -> p.errorKinds.merge(k, v, Long::sum));
                p.iteration.addAll(w.iteration);
                p.post.addAll(w.post);
                p.get.addAll(w.get);
            }
            p.errorSamples.addAll(samples);
            p.serverCpuNanos = serverCpu0 >= 0 && serverCpu1 >= 0 ? serverCpu1 - serverCpu0 : -1;
            p.clientCpuNanos = clientCpu0 >= 0 && clientCpu1 >= 0 ? clientCpu1 - clientCpu0 : -1;
            return p;
        }

        long serverCpuNanos() {
            if (pid == null) {
                return -1;
            }
            return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
        }

        static long clientCpuNanos() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return -1;
        }
    }

    /** One client thread: POST then GET, until the deadline or the iteration budget. */
    static final class Worker implements Runnable {
        private final Target target;
        private final int index;
        private final long deadline;
        private final AtomicLong budget;
        private final ConcurrentLinkedQueue<String> samples;
        final LongList iteration = new LongList();
        final LongList post = new LongList();
        final LongList get = new LongList();
        final Map<String, Long> errorKinds = new TreeMap<>();
        long ok;
        long errors;

        Worker(Target target, int index, long deadline, AtomicLong budget, ConcurrentLinkedQueue<String> samples) {
            this.target = target;
            this.index = index;
            this.deadline = deadline;
            this.budget = budget;
            this.samples = samples;
        }

        @Override
        public void run() {
            long seq = 0;
            while (System.nanoTime() < deadline && budget.getAndDecrement() > 0 && !Thread.currentThread().isInterrupted()) {
                seq++;
                long t0 = System.nanoTime();
                try {
                    LoadClient.Answer created = target.create(seq, index);
                    long t1 = System.nanoTime();
                    if (!created.ok()) {
                        error("POST " + created.status(), created.body());
                        continue;
                    }
                    JsonNode id = BaselineServer.JSON.readTree(created.body()).path("id");
                    if (!id.canConvertToLong()) {
                        error("POST without id", created.body());
                        continue;
                    }
                    LoadClient.Answer read = target.read(id.asLong());
                    long t2 = System.nanoTime();
                    if (!read.ok()) {
                        error("GET " + read.status(), read.body());
                        continue;
                    }
                    if (BaselineServer.JSON.readTree(read.body()).path("id").asLong() != id.asLong()) {
                        error("GET wrong record", read.body());
                        continue;
                    }
                    ok++;
                    post.add(t1 - t0);
                    get.add(t2 - t1);
                    iteration.add(t2 - t0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                    error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                    pause(); // do not spin on a refused connection
                }
            }
        }

        private void error(String kind, String body) {
            errors++;
            errorKinds.merge(kind, 1L, Long::sum);
            if (samples.size() < 10) {
                samples.add(target.name + " " + kind + ": " + snippet(body));
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

    /** What one load phase measured. */
    static final class Phase {
        long elapsedNanos;
        long ok;
        long errors;
        long serverCpuNanos = -1;
        long clientCpuNanos = -1;
        final Map<String, Long> errorKinds = new TreeMap<>();
        final List<String> errorSamples = new ArrayList<>();
        final LongList iteration = new LongList();
        final LongList post = new LongList();
        final LongList get = new LongList();

        double iterationsPerSecond() {
            return elapsedNanos == 0 ? 0 : ok / (elapsedNanos / 1e9);
        }

        String oneLine() {
            return String.format(Locale.ROOT, "%.1f iter/s, p50 %.2f ms, p99 %.2f ms, %d ok, %d errors",
                    iterationsPerSecond(), ms(iteration.percentile(50)), ms(iteration.percentile(99)), ok, errors);
        }

        static Phase merge(List<Phase> phases) {
            Phase m = new Phase();
            boolean serverCpu = true;
            boolean clientCpu = true;
            m.serverCpuNanos = 0;
            m.clientCpuNanos = 0;
            for (Phase p : phases) {
                m.elapsedNanos += p.elapsedNanos;
                m.ok += p.ok;
                m.errors += p.errors;
                p.errorKinds.forEach((k, v) -> m.errorKinds.merge(k, v, Long::sum));
                m.errorSamples.addAll(p.errorSamples);
                m.iteration.addAll(p.iteration);
                m.post.addAll(p.post);
                m.get.addAll(p.get);
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
    }

    /** A growable list of longs, for latencies in nanoseconds. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;
        private boolean sorted;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
            sorted = false;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        /** The nearest-rank percentile, 0 when empty. */
        long percentile(double p) {
            if (size == 0) {
                return 0;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            int rank = (int) Math.ceil(p / 100.0 * size);
            return values[Math.min(size - 1, Math.max(0, rank - 1))];
        }
    }

    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
