package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution as an admin runs it: unzipped, started in the background with {@code bin/start},
 * stopped with {@code bin/stop}, started again, and the data is still there.
 */
public class DistributionRestartIT {

    private Path home;
    private int httpPort;

    @Before
    public void unzip() throws IOException {
        File zip = new File(System.getProperty("campus.distribution"));
        Path target = Path.of("target", "restart-it");
        deleteTree(target);
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip.toPath()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> top = Files.list(target)) {
            home = top.filter(Files::isDirectory).findFirst().orElseThrow().toAbsolutePath();
        }
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.forEach(p -> p.toFile().setExecutable(true));
        }
        httpPort = CampusContainer.freePort();
        // this test runs in the driver's JVM, beside the conformance check
        System.setProperty(ValidatingHttpClient.VALIDATOR, OpenApiConformance.address());
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(CampusContainer.freePort()));
        setProperty("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
    }

    @After
    public void stop() throws Exception {
        Path pidFile = home == null ? null : home.resolve("karaf.pid");
        if (pidFile != null && Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
                p.destroy();
                p.onExit().join();
            });
        }
    }

    @Test
    public void dataSurvivesARestartAndLivesOutsideData() throws Exception {
        start();
        Http api = Http.at(httpPort, CampusContainer.LMS_API_KEY);
        api.awaitRoute("/share-progress?limit=1", Duration.ofSeconds(300)); // a loaded 2-core machine needs minutes
        JsonNode created = api.postJson("/share-progress", "{\"courseId\":41,\"userId\":42,\"type\":\"course\"}").json();
        long id = created.get("id").asLong();
        assertEquals(200, api.postJson("/share-progress/" + id + "/status",
                "{\"status\":\"sent\",\"resourceUrl\":\"https://moodle.net/r/42\"}").status());

        run("bin/stop");
        awaitStopped();
        assertTrue("the database lives outside data/", Files.isDirectory(home.resolve("db/campus")));
        deleteTree(home.resolve("data"));

        start();
        api.awaitRoute("/share-progress?limit=1", Duration.ofSeconds(300)); // a loaded 2-core machine needs minutes
        JsonNode after = api.get("/share-progress/" + id).json();
        assertEquals("sent", after.get("status").asText());
        assertEquals("https://moodle.net/r/42", after.get("resourceUrl").asText());
        assertEquals(created.get("timeCreated"), after.get("timeCreated"));
        assertEquals(2, api.get("/share-progress/" + id + "/timeline").json().get("items").size());
    }

    private void start() throws Exception {
        run("bin/start");
    }

    private void awaitStopped() throws Exception {
        long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return;
        }
        try {
            process.get().onExit().get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Campus (pid " + pid + ") did not stop", e);
        }
    }

    private void run(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve(script).toString())).directory(home.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        env.put("CAMPUS_ADMIN_PASSWORD", CampusContainer.ADMIN_PASSWORD);
        env.put("CAMPUS_LMS_API_KEY", CampusContainer.LMS_API_KEY);
        env.put("JAVA_MAX_MEM", "512m");
        Process p = pb.start();
        try (InputStream out = p.getInputStream()) {
            out.transferTo(System.out);
        }
        assertEquals(script + " failed", 0, p.waitFor());
    }

    private void setProperty(String file, String key, String value) throws IOException {
        Path cfg = home.resolve(file);
        List<String> lines = Files.exists(cfg) ? Files.readAllLines(cfg) : new java.util.ArrayList<>();
        lines.removeIf(l -> l.trim().startsWith(key + " ") || l.trim().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
