package org.campus.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The baseline server in its own JVM. */
final class BaselineProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineProcess.class);

    final Process process;
    final int port;

    private BaselineProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the baseline JVM on a new, empty database. */
    static BaselineProcess start(BenchConfig cfg) throws Exception {
        return start(cfg, false);
    }

    /**
     * Starts the baseline JVM; with {@code keepDatabase} it opens the database an earlier baseline left in
     * {@code <workDir>/baseline-db} instead of creating a new one.
     */
    static BaselineProcess start(BenchConfig cfg, boolean keepDatabase) throws Exception {
        Files.createDirectories(cfg.workDir);
        Path log = cfg.workDir.resolve("baseline-server.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        List<String> derby = campusDerbySettings(cfg.campusHome);
        if (!derby.isEmpty()) {
            LOG.info("baseline: Derby settings as in Campus's etc/system.properties: {}", derby);
        }
        cmd.addAll(derby);
        cmd.addAll(BenchDatabase.fromSystemProperties().jvmArgs());
        cmd.addAll(cfg.baselineJvmArgs);
        cmd.add("-Dorg.eclipse.jetty.LEVEL=WARN");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BaselineServer.class.getName());
        cmd.add(cfg.workDir.resolve("baseline-db").toString());
        cmd.add("0");
        if (keepDatabase) {
            cmd.add(BaselineServer.KEEP);
        }
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
            LOG.info("baseline: no {}; Derby runs with its defaults", file);
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
