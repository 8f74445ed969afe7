package org.campus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The workflow benchmark, in three phases that {@code bench/run-workflow.sh} runs one after the other
 * (choose one with {@code bench.phase}):
 * <ol>
 * <li>{@code actions}: action calls per second, Campus against the baseline ({@link BaselineServer},
 * whose {@link WorkflowBaselineServlet} does the same select-check-update-insert in one JDBC
 * transaction), in one run, ABBA rounds as in {@link ShareProgressBench}. Each target gets the same
 * cycling workflow (draft -submit-> pending -approve-> published -retract-> draft) created through its
 * API, and every client thread its own records, so that threads never race for a record (a 409 is still
 * counted, apart). An iteration is one {@code POST .../workflow-records/{id}/actions} that must answer 200
 * with the expected new state. The workflow ids go to {@code workflow-bench.properties} for the next
 * phases.</li>
 * <li>{@code load}: with Campus stopped, loads {@code bench.records} records into Campus's Derby
 * database ({@code <campus.home>/db/campus}) and the baseline's, with plain JDBC ({@link WorkflowLoader}).</li>
 * <li>{@code worklist}: with Campus started again on the loaded database, worklist latency:
 * {@code bench.worklistRequests} requests of {@code GET /campus/api/v1/workflow-worklists} per target and
 * round from {@code bench.worklistThreads} threads, for random courses, activities (half of the requests)
 * and roles; p50/p95/p99/max, against the same query on the baseline, and whether Campus's p99 is under
 * {@code bench.worklistP99} ms.</li>
 * </ol>
 *
 * <p>Settings besides those of {@link BenchConfig} (the goal bench.targetRatio defaults to 0.7 here):
 * <pre>
 * bench.phase               actions | load | worklist                                  (actions)
 * bench.recordsPerThread    records each action client thread owns                     (20)
 * bench.records             records loaded for the worklist                            (1000000)
 * bench.courses             courses they are spread over                               (1000)
 * bench.activitiesPerCourse activities per course                                      (10)
 * bench.loadHistory         also load one history entry per record                     (false)
 * bench.loadBatch           rows per JDBC batch and commit                             (5000)
 * bench.worklistThreads     concurrent worklist clients                                (4)
 * bench.worklistRequests    measured worklist requests per target and round            (2000)
 * bench.worklistWarmup      worklist warm-up requests per target                       (300)
 * bench.worklistP99         the goal for Campus's worklist p99, ms                     (50)
 * </pre>
 */
public final class WorkflowBench {

    static final String API = "/campus/api/v1";
    static final String STATE_FILE = "workflow-bench.properties";

    /** The cycling workflow both targets get; every state has a way out. */
    static final String WORKFLOW = """
            {"title":"Bench review cycle","initialState":"draft",
             "states":[
              {"id":"draft","title":"Draft","permissions":{"author":["view","edit"],"teacher":["view"],"manager":["view"]}},
              {"id":"pending","title":"Pending review","permissions":{"author":["view"],"teacher":["view","edit"],"manager":["view","edit"]}},
              {"id":"published","title":"Published","permissions":{"author":["view"],"teacher":["view"],"manager":["view"],"student":["view"]}}],
             "actions":[
              {"id":"submit","title":"Submit","from":["draft"],"to":"pending","roles":["author"]},
              {"id":"approve","title":"Approve","from":["pending"],"to":"published","roles":["teacher","manager"]},
              {"id":"reject","title":"Reject","from":["pending"],"to":"draft","roles":["teacher","manager"]},
              {"id":"retract","title":"Retract","from":["published"],"to":"draft","roles":["author","manager"]}]}
            """;

    /** The states the loader spreads records over. */
    static final List<String> STATES = List.of("draft", "pending", "published");

    /** Worklist roles asked for: teacher waits on pending, manager on pending and published. */
    static final List<String> WORKLIST_ROLES = List.of("teacher", "manager");

    public static void main(String[] args) throws Exception {
        BenchConfig cfg = BenchConfig.fromSystemProperties(0.7);
        String phase = System.getProperty("bench.phase", "actions").trim().toLowerCase(Locale.ROOT);
        int exit = switch (phase) {
            case "actions" -> actions(cfg);
            case "load" -> load(cfg);
            case "worklist" -> worklist(cfg);
            default -> throw new IllegalArgumentException("bench.phase must be actions, load or worklist: " + phase);
        };
        System.exit(exit);
    }

    // ------------------------------------------------------------------------------------ actions

    private static int actions(BenchConfig cfg) throws Exception {
        int perThread = Integer.getInteger("bench.recordsPerThread", 20);
        System.out.printf(Locale.ROOT, "Workflow actions benchmark: %d client threads with %d records each, %d s warm-up, "
                + "%d s x %d round(s) measured per target, loopback, %s client; %d CPUs, Java %s%n", cfg.threads,
                perThread, cfg.warmupSeconds, cfg.durationSeconds, cfg.rounds, cfg.client,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<ActionTarget> targets = new ArrayList<>();
        BaselineProcess baseline = null;
        int exit;
        try {
            baseline = BenchTarget.addTargets(cfg, false, targets,
                    (name, url, key, pid) -> new ActionTarget(name, url, key, pid, cfg, perThread));
            exit = BenchTarget.warmUpAndMeasure(targets, cfg.warmupSeconds, cfg.durationSeconds, cfg.rounds);
        } finally {
            if (baseline != null) {
                baseline.close();
            }
        }
        Properties state = new Properties();
        for (ActionTarget t : targets) {
            if (t.workflowId > 0) {
                state.setProperty(t.name + ".workflowId", Long.toString(t.workflowId));
            }
        }
        try (OutputStream out = Files.newOutputStream(cfg.workDir.resolve(STATE_FILE))) {
            state.store(out, "workflow ids of the last actions phase, for the load and worklist phases");
        }
        return Math.max(exit, ThroughputReport.print(cfg, targets,
                "Workflow: one POST /workflow-records/{id}/actions per iteration (select, check, update, insert)",
                1, List.of(), "workflow-actions"));
    }

    /** Creates the bench workflow on a target; its id. */
    static long createWorkflow(LoadClient client, String baseUrl) throws IOException, InterruptedException {
        LoadClient.Answer a = client.post(URI.create(baseUrl + API + "/workflows"), WORKFLOW);
        if (a.status() != 201) {
            throw new IOException("POST " + API + "/workflows answered " + a.status() + ": "
                    + BenchSupport.snippet(a.body()));
        }
        JsonNode id = BaselineServer.JSON.readTree(a.body()).path("id");
        if (!id.canConvertToLong()) {
            throw new IOException("POST " + API + "/workflows answered without a numeric id: " + BenchSupport.snippet(a.body()));
        }
        return id.asLong();
    }

    /** A target of the actions phase: the workflow, and each client thread's records and their states. */
    static final class ActionTarget extends BenchTarget {
        private final int perThread;
        long workflowId;
        /** [thread][i]: record id, and the state the thread last saw it in. */
        private long[][] records;
        private String[][] states;

        ActionTarget(String name, String baseUrl, String apiKey, Long pid, BenchConfig cfg, int perThread) {
            super(name, baseUrl, apiKey, pid, cfg);
            this.perThread = perThread;
        }

        /** Creates the workflow and the records, and performs one action. */
        @Override
        Optional<String> check() throws IOException, InterruptedException {
            workflowId = createWorkflow(client, baseUrl);
            records = new long[cfg.threads][perThread];
            states = new String[cfg.threads][perThread];
            URI collection = URI.create(baseUrl + API + "/workflow-records");
            for (int t = 0; t < cfg.threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    String body = "{\"workflowId\":" + workflowId + ",\"lmsRecordId\":\"bench-" + t + "-" + i
                            + "\",\"courseId\":\"bench-course-" + t + "\",\"activityId\":\"bench-activity-" + t
                            + "\",\"authorId\":\"" + author(t, i) + "\"}";
                    LoadClient.Answer a = client.post(collection, body);
                    if (a.status() != 201) {
                        return Optional.of("POST " + collection + " answered " + a.status() + ": "
                                + BenchSupport.snippet(a.body()));
                    }
                    JsonNode created = BaselineServer.JSON.readTree(a.body());
                    if (!created.path("id").canConvertToLong() || !"draft".equals(created.path("state").asText())) {
                        return Optional.of("POST " + collection + " answered without an id or not in state draft: "
                                + BenchSupport.snippet(a.body()));
                    }
                    records[t][i] = created.path("id").asLong();
                    states[t][i] = "draft";
                }
            }
            LoadClient.Answer a = act(0, 0);
            if (a.status() != 200 || !"pending".equals(BaselineServer.JSON.readTree(a.body()).path("state").asText())) {
                return Optional.of("the first action answered " + a.status() + ": " + BenchSupport.snippet(a.body()));
            }
            states[0][0] = "pending";
            System.out.printf("%s: workflow %d, %d records created%n", name, workflowId, cfg.threads * perThread);
            return Optional.empty();
        }

        private static String author(int thread, int i) {
            return "author-" + thread + "-" + i;
        }

        /** The next action on record i of thread t: submit and retract by its author, approve by a teacher. */
        private LoadClient.Answer act(int t, int i) throws IOException, InterruptedException {
            String body = switch (states[t][i]) {
                case "draft" -> "{\"action\":\"submit\",\"userId\":\"" + author(t, i) + "\",\"roles\":[\"student\"]}";
                case "pending" -> "{\"action\":\"approve\",\"userId\":\"teacher-" + t + "\",\"roles\":[\"teacher\"],"
                        + "\"comment\":\"fine\"}";
                default -> "{\"action\":\"retract\",\"userId\":\"" + author(t, i) + "\",\"roles\":[\"student\"]}";
            };
            return client.post(URI.create(baseUrl + API + "/workflow-records/" + records[t][i] + "/actions"), body);
        }

        private static String next(String state) {
            return switch (state) {
                case "draft" -> "pending";
                case "pending" -> "published";
                default -> "draft";
            };
        }

        @Override
        LoadPhase run(int seconds) throws InterruptedException {
            return LoadPhase.run(name, cfg, seconds, this, t -> (seq, r) -> {
                int i = (int) (seq % perThread);
                String expected = next(states[t][i]);
                long t0 = System.nanoTime();
                LoadClient.Answer a = act(t, i);
                long t1 = System.nanoTime();
                if (a.status() == 409) {
                    // a lost race, which disjoint records should not see: assume the other change went through
                    states[t][i] = expected;
                    r.conflict();
                    return;
                }
                if (a.status() != 200) {
                    r.error("POST " + a.status(), a.body());
                    return;
                }
                String now = BaselineServer.JSON.readTree(a.body()).path("state").asText();
                if (!expected.equals(now)) {
                    r.error("wrong state", a.body());
                    if (STATES.contains(now)) {
                        states[t][i] = now;
                    }
                    return;
                }
                states[t][i] = now;
                r.ok(t1 - t0);
            });
        }
    }

    // --------------------------------------------------------------------------------------- load

    private static int load(BenchConfig cfg) throws Exception {
        Properties state = readState(cfg);
        long records = Long.getLong("bench.records", 1_000_000L);
        int courses = Integer.getInteger("bench.courses", 1000);
        int activities = Integer.getInteger("bench.activitiesPerCourse", 10);
        boolean history = Boolean.getBoolean("bench.loadHistory");
        // Nobody else has these databases open and each load ends with a clean shutdown, so the loader
        // need not force every commit to disk; and a larger page cache keeps the indexes in memory.
        System.setProperty("derby.system.durability", System.getProperty("derby.system.durability", "test"));
        System.setProperty("derby.storage.pageCacheSize", System.getProperty("derby.storage.pageCacheSize", "40000"));
        int batch = Integer.getInteger("bench.loadBatch", 5000);
        BenchDatabase database = BenchDatabase.fromSystemProperties();
        Map<String, String> urls = new LinkedHashMap<>();
        if (cfg.runBaseline) {
            urls.put("baseline", database.baselineUrl(cfg.workDir));
        }
        if (cfg.runCampus) {
            if (cfg.campusHome == null) {
                throw new IllegalArgumentException("campus.home is needed to find Campus's database");
            }
            Path db = cfg.campusHome.resolve("db").resolve("campus");
            if (!database.postgresql && !Files.isDirectory(db)) {
                throw new IllegalStateException("no Campus database at " + db + " (derby.system.home is <campus.home>/db)");
            }
            urls.put("campus", database.campusUrl(cfg.campusHome));
        }
        // both databases at once: on a busy machine two loading threads get more of the CPUs than one
        List<Thread> loaders = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Map.Entry<String, String> e : urls.entrySet()) {
            String id = state.getProperty(e.getKey() + ".workflowId");
            if (id == null) {
                System.out.printf("%s: no workflow id in %s (its actions phase failed); not loaded%n", e.getKey(), STATE_FILE);
                continue;
            }
            System.out.printf(Locale.ROOT, "%s: loading %d records (workflow %s, %d courses x %d activities) into %s%n",
                    e.getKey(), records, id, courses, activities, e.getValue());
            Thread t = new Thread(() -> {
                try {
                    WorkflowLoader.load(database, e.getKey(), e.getValue(), Long.parseLong(id), records, courses,
                            activities, STATES, history, batch);
                } catch (Exception x) {
                    System.out.printf("%s: loading failed: %s%n", e.getKey(), x);
                    failures.add(x);
                }
            }, "load-" + e.getKey());
            t.start();
            loaders.add(t);
        }
        for (Thread t : loaders) {
            t.join();
        }
        if (!failures.isEmpty()) {
            return 1;
        }
        return 0;
    }

    private static Properties readState(BenchConfig cfg) throws IOException {
        Properties state = new Properties();
        Path file = cfg.workDir.resolve(STATE_FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                state.load(in);
            }
        }
        return state;
    }

    // ----------------------------------------------------------------------------------- worklist

    private static int worklist(BenchConfig base) throws Exception {
        int threads = Integer.getInteger("bench.worklistThreads", 4);
        int requests = Integer.getInteger("bench.worklistRequests", 2000);
        int warmup = Integer.getInteger("bench.worklistWarmup", 300);
        double goalMs = Double.parseDouble(System.getProperty("bench.worklistP99", "50"));
        int courses = Integer.getInteger("bench.courses", 1000);
        int activities = Integer.getInteger("bench.activitiesPerCourse", 10);
        System.out.printf(Locale.ROOT, "Workflow worklist benchmark: %d client threads, %d warm-up and %d x %d round(s) "
                + "measured requests per target, %d courses x %d activities, roles %s; %d CPUs%n", threads, warmup,
                requests, base.rounds, courses, activities, WORKLIST_ROLES, Runtime.getRuntime().availableProcessors());
        BenchConfig warm = base.withLoad(threads, warmup);
        BenchConfig cfg = base.withLoad(threads, requests);
        int seconds = Math.max(base.durationSeconds, 300); // a bound only: the phases end after their requests
        List<WorklistTarget> targets = new ArrayList<>();
        BaselineProcess baseline = null;
        int exit;
        try {
            baseline = BenchTarget.addTargets(cfg, true, targets,
                    (name, url, key, pid) -> new WorklistTarget(name, url, key, pid, cfg, warm, courses, activities));
            exit = BenchTarget.warmUpAndMeasure(targets, seconds, seconds, base.rounds);
        } finally {
            if (baseline != null) {
                baseline.close();
            }
        }
        System.out.println();
        System.out.println("== Workflow worklist: GET /workflow-worklists?courseId=&[activityId=&]roles=&limit=50 ==");
        System.out.printf(Locale.ROOT, "%-9s %9s %8s %8s %8s %8s %8s %7s %12s%n", "target", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "items", "errors", "srv CPU/req");
        Map<String, LoadPhase> totals = new LinkedHashMap<>();
        for (WorklistTarget t : targets) {
            if (t.unavailable != null) {
                System.out.printf("%-9s not available: %s%n", t.name, t.unavailable);
                continue;
            }
            LoadPhase p = LoadPhase.merge(t.measured);
            totals.put(t.name, p);
            System.out.printf(Locale.ROOT, "%-9s %9.1f %8.2f %8.2f %8.2f %8.2f %8.1f %7d %12s%n", t.name,
                    p.iterationsPerSecond(), BenchSupport.ms(p.iteration.percentile(50)),
                    BenchSupport.ms(p.iteration.percentile(95)), BenchSupport.ms(p.iteration.percentile(99)),
                    BenchSupport.ms(p.iteration.max()), p.ok == 0 ? 0.0 : (double) t.items.sum() / p.ok, p.errors,
                    BenchSupport.cpuPerIteration(p.serverCpuNanos, p.ok));
            p.printErrors(t.name);
            System.out.printf("%s: counts.total of the teacher worklist of course c0: %d%n", t.name, t.total);
        }
        System.out.println();
        LoadPhase b = totals.get("baseline");
        LoadPhase c = totals.get("campus");
        if (b != null && c != null && b.ok > 0 && c.ok > 0) {
            System.out.printf(Locale.ROOT, "ratio campus/baseline worklist latency p50: %.2fx, p99: %.2fx; "
                    + "server CPU per request: %s%n",
                    (double) c.iteration.percentile(50) / b.iteration.percentile(50),
                    (double) c.iteration.percentile(99) / b.iteration.percentile(99),
                    c.serverCpuNanos > 0 && b.serverCpuNanos > 0 ? String.format(Locale.ROOT, "%.2fx",
                            ((double) c.serverCpuNanos / c.ok) / ((double) b.serverCpuNanos / b.ok)) : "n/a");
        }
        for (Map.Entry<String, LoadPhase> e : totals.entrySet()) {
            LoadPhase p = e.getValue();
            double p99 = BenchSupport.ms(p.iteration.percentile(99));
            boolean met = p.ok > 0 && p99 < goalMs && p.errors == 0;
            System.out.printf(Locale.ROOT, "RESULT workflow-worklist target=%s p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f "
                    + "requests=%d errors=%d goal_p99_ms=%.0f %s%n", e.getKey(), BenchSupport.ms(p.iteration.percentile(50)),
                    BenchSupport.ms(p.iteration.percentile(95)), p99, BenchSupport.ms(p.iteration.max()), p.ok, p.errors,
                    goalMs, met ? "MET" : "MISSED");
            if (e.getKey().equals("campus") && !met && cfg.failBelowTarget) {
                exit = Math.max(exit, 2);
            }
        }
        return exit;
    }

    /** A target of the worklist phase. */
    static final class WorklistTarget extends BenchTarget {
        private final BenchConfig warm;
        private final int courses;
        private final int activities;
        final java.util.concurrent.atomic.LongAdder items = new java.util.concurrent.atomic.LongAdder();
        private boolean warming = true;
        long total;

        WorklistTarget(String name, String baseUrl, String apiKey, Long pid, BenchConfig cfg, BenchConfig warm,
                int courses, int activities) {
            super(name, baseUrl, apiKey, pid, cfg);
            this.warm = warm;
            this.courses = courses;
            this.activities = activities;
        }

        private URI uri(String courseId, String activityId, String roles) {
            return URI.create(baseUrl + API + "/workflow-worklists?courseId=" + enc(courseId)
                    + (activityId == null ? "" : "&activityId=" + enc(activityId)) + "&roles=" + enc(roles) + "&limit=50");
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        @Override
        Optional<String> check() throws IOException, InterruptedException {
            LoadClient.Answer a = client.get(uri(WorkflowLoader.courseId(0), null, "teacher"));
            if (a.status() != 200) {
                return Optional.of("GET worklist answered " + a.status() + ": " + BenchSupport.snippet(a.body()));
            }
            JsonNode body = BaselineServer.JSON.readTree(a.body());
            if (!body.path("items").isArray() || !body.path("counts").path("total").canConvertToLong()) {
                return Optional.of("GET worklist answered without items or counts.total: " + BenchSupport.snippet(a.body()));
            }
            total = body.path("counts").path("total").asLong();
            if (total == 0) {
                return Optional.of("the worklist of course c0 is empty: were the records loaded? " + BenchSupport.snippet(a.body()));
            }
            return Optional.empty();
        }

        /** The warm-up (the first call) runs warm's requests, the measured rounds cfg's. */
        @Override
        LoadPhase run(int seconds) throws InterruptedException {
            BenchConfig c = warming ? warm : cfg;
            boolean measuring = !warming;
            warming = false;
            return LoadPhase.run(name, c, seconds, this, t -> {
                SplittableRandom random = new SplittableRandom(31L * t + (measuring ? measured.size() + 1 : 0));
                return (seq, r) -> {
                    int course = random.nextInt(courses);
                    String activity = random.nextBoolean() ? WorkflowLoader.activityId(course, random.nextInt(activities)) : null;
                    String roles = WORKLIST_ROLES.get(random.nextInt(WORKLIST_ROLES.size()));
                    long t0 = System.nanoTime();
                    LoadClient.Answer a = client.get(uri(WorkflowLoader.courseId(course), activity, roles));
                    long t1 = System.nanoTime();
                    if (a.status() != 200) {
                        r.error("GET " + a.status(), a.body());
                        return;
                    }
                    JsonNode items = BaselineServer.JSON.readTree(a.body()).path("items");
                    if (!items.isArray()) {
                        r.error("no items", a.body());
                        return;
                    }
                    if (measuring) {
                        this.items.add(items.size());
                    }
                    r.ok(t1 - t0);
                };
            });
        }
    }
}
