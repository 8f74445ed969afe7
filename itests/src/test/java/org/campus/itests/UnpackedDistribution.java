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
 * The distribution zip of this reactor unpacked under {@code target/<name>}, on free ports, started
 * and stopped with its own scripts (as an admin runs it), or killed as a crash would.
 */
final class UnpackedDistribution {

    final Path home;
    final int httpPort;

    UnpackedDistribution(String name) throws IOException {
        File zip = new File(System.getProperty("campus.distribution"));
        Path target = Path.of("target", name);
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
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(CampusContainer.freePort()));
        setProperty("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
    }

    void setProperty(String file, String key, String value) throws IOException {
        Path cfg = home.resolve(file);
        List<String> lines = Files.exists(cfg) ? Files.readAllLines(cfg) : new ArrayList<>();
        lines.removeIf(l -> l.trim().startsWith(key + " ") || l.trim().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines);
    }

    /** Packs test classes of one package into a bundle in {@code deploy/}, with the given manifest headers. */
    void deployBundle(String jarName, String packageName, Map<String, String> headers) throws IOException {
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

    void start() throws Exception {
        run("bin/start");
    }

    void stop() throws Exception {
        run("bin/stop");
        awaitExit(90);
    }

    /** Ends the Karaf JVM at once (SIGKILL), as a crash or an OOM killer would. */
    void kill() throws Exception {
        process().ifPresent(ProcessHandle::destroyForcibly);
        awaitExit(30);
    }

    /** Stops the Karaf JVM if it still runs (after a test). */
    void destroy() {
        try {
            process().ifPresent(p -> {
                p.destroy();
                p.onExit().join();
            });
        } catch (IOException e) {
            // nothing was started
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

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
