package org.campus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The settings both benches share, from system properties (see README.md). */
final class BenchConfig {
    private static final Logger LOG = LoggerFactory.getLogger(BenchConfig.class);

    /**
     * Long enough for both server JVMs to finish compiling their hot paths: under load, Campus's C2
     * compiler threads still use half a CPU 10-30 s in and about a tenth at 40-50 s (top -H on
     * Karaf's JVM), so a shorter warm-up measures Campus's JIT rather than its requests.
     */
    static final int DEFAULT_WARMUP_SECONDS = 60;

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

    /** @param defaultTargetRatio the goal campus/baseline when bench.targetRatio is not given */
    static BenchConfig fromSystemProperties(double defaultTargetRatio) {
        BenchConfig c = new BenchConfig();
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
        c.warmupSeconds = Integer.getInteger("bench.warmup", DEFAULT_WARMUP_SECONDS);
        c.durationSeconds = positive("bench.duration", 10);
        c.rounds = positive("bench.rounds", 2);
        c.maxIterations = Long.getLong("bench.maxIterations", 2_000_000L);
        c.timeoutSeconds = positive("bench.timeout", 10);
        c.targetRatio = Double.parseDouble(System.getProperty("bench.targetRatio", String.valueOf(defaultTargetRatio)));
        c.failBelowTarget = Boolean.getBoolean("bench.failBelowTarget");
        String dir = System.getProperty("bench.workDir");
        c.workDir = (dir != null ? Paths.get(dir) : defaultWorkDir()).toAbsolutePath();
        String jvm = System.getProperty("bench.baseline.jvmArgs", "").trim();
        c.baselineJvmArgs = jvm.isEmpty() ? List.of() : Arrays.asList(jvm.split("\\s+"));
        return c;
    }

    /** A copy with another number of client threads and another bound on the iterations of a phase. */
    BenchConfig withLoad(int clientThreads, long iterations) {
        BenchConfig c = new BenchConfig();
        c.runBaseline = runBaseline;
        c.runCampus = runCampus;
        c.campusUrl = campusUrl;
        c.campusPid = campusPid;
        c.campusPidFile = campusPidFile;
        c.campusHome = campusHome;
        c.apiKey = apiKey;
        c.client = client;
        c.threads = clientThreads;
        c.warmupSeconds = warmupSeconds;
        c.durationSeconds = durationSeconds;
        c.rounds = rounds;
        c.maxIterations = iterations;
        c.timeoutSeconds = timeoutSeconds;
        c.targetRatio = targetRatio;
        c.failBelowTarget = failBelowTarget;
        c.workDir = workDir;
        c.baselineJvmArgs = baselineJvmArgs;
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
            LOG.warn("campus: cannot read its pid ({}); its CPU time is not reported", e.toString());
        }
        return null;
    }

    private static Path defaultWorkDir() {
        try {
            // .../bench/target/classes -> .../bench/target
            Path classes = Paths.get(BenchConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
