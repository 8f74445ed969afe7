package org.campus.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The distribution zip of this reactor, unpacked as an admin unpacks it and run with its own scripts
 * ({@code bin/start}, {@code bin/stop}) on free ports, on embedded Derby unless moved to a database of the
 * test cluster with {@link #usePostgresql}; killed as a crash would with {@link #kill}.
 */
public final class Distribution implements AutoCloseable {

    private final Path home;
    private final int httpPort;

    private Distribution(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** A fresh copy of the distribution in {@code target/<name>-<database>}, on free ports, on embedded Derby. */
    public static Distribution unpack(String name) throws IOException {
        File zip = new File(System.getProperty("campus.distribution"));
        Path target = Path.of("target", name + "-" + ItestDatabase.name());
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
        Path home;
        try (Stream<Path> top = Files.list(target)) {
            home = top.filter(Files::isDirectory).findFirst().orElseThrow().toAbsolutePath();
        }
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.forEach(p -> p.toFile().setExecutable(true));
        }
        Distribution d = new Distribution(home, CampusContainer.freePort());
        d.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(d.httpPort));
        d.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(CampusContainer.freePort()));
        d.setProperty("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
        return d;
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    /**
     * Puts Campus on the suite's database: its embedded Derby in the Derby run, a new database of the
     * test cluster named {@code postgresqlName} in the PostgreSQL run.
     */
    public void useSuiteDatabase(String postgresqlName) throws IOException {
        if (ItestDatabase.isPostgresql()) {
            usePostgresql(ItestDatabase.freshPostgresql(postgresqlName));
        }
    }

    /** Moves Campus to a database of the test cluster: the README's lines in the data source configuration. */
    public void usePostgresql(String database) throws IOException {
        for (Map.Entry<String, String> line : ItestDatabase.postgresqlDatasource(database).entrySet()) {
            setProperty(ItestDatabase.DATASOURCE_CFG, line.getKey(), line.getValue());
        }
    }

    /** Starts Campus with {@code bin/start}, with the first-start credentials of the tests. */
    public void start() throws Exception {
        run("bin/start");
    }

    /** Stops Campus with {@code bin/stop} and waits until its JVM has gone. */
    public void stop() throws Exception {
        run("bin/stop");
        awaitExit(90);
    }

    /** Ends the Karaf JVM at once (SIGKILL), as a crash or an OOM killer would, and waits until it has gone. */
    public void kill() throws Exception {
        process().ifPresent(ProcessHandle::destroyForcibly);
        awaitExit(30);
    }

    /** Packs the test classes of one package into a bundle in {@code deploy/}, with the given manifest headers. */
    public void deployBundle(String jarName, String packageName, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        Path classes = Path.of("target", "test-classes", packageName.replace('.', '/'));
        Files.createDirectories(home.resolve("deploy"));
        try (OutputStream file = Files.newOutputStream(home.resolve("deploy").resolve(jarName));
                JarOutputStream jar = new JarOutputStream(file, manifest);
                Stream<Path> files = Files.list(classes)) {
            for (Path c : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                jar.putNextEntry(new JarEntry(packageName.replace('.', '/') + "/" + c.getFileName()));
                Files.copy(c, jar);
                jar.closeEntry();
            }
        }
    }

    /** The API of this Campus with the given {@code Authorization} header value. */
    public Http http(String authorization) {
        return Http.on(httpPort, authorization).loggingTo(ContainerLog.in(home));
    }

    /** Ends a Campus left running by a failed test (its own pid only). */
    @Override
    public void close() {
        try {
            process().ifPresent(p -> {
                p.destroy();
                p.onExit().join();
            });
        } catch (IOException | NumberFormatException e) {
            // no readable pid: nothing was started
        }
    }

    private Optional<ProcessHandle> process() throws IOException {
        Path pidFile = home.resolve("karaf.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
    }

    private void awaitExit(int seconds) throws Exception {
        Optional<ProcessHandle> p = process();
        if (p.isEmpty()) {
            return;
        }
        try {
            p.get().onExit().get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Campus (pid " + p.get().pid() + ") did not end", e);
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

    /** Sets {@code key = value} in a configuration file of the distribution, replacing the key's line. */
    public void setProperty(String file, String key, String value) throws IOException {
        Path cfg = home.resolve(file);
        List<String> lines = Files.exists(cfg) ? Files.readAllLines(cfg) : new ArrayList<>();
        lines.removeIf(l -> l.trim().startsWith(key + " ") || l.trim().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
