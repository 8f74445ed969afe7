package org.campus.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What the benches share: CPU accounting, waiting for idle servers, formatting. */
final class BenchSupport {

    /** A server JVM whose CPU time the bench can read. */
    interface CpuSource {
        /** Total CPU time of the server JVM, all threads, or -1 when unknown. */
        long serverCpuNanos();
    }

    private BenchSupport() {
    }

    /** CPU time of the process {@code pid} (null: unknown, -1). */
    static long processCpuNanos(Long pid) {
        if (pid == null) {
            return -1;
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    /** CPU time of this JVM (the load generator). */
    static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Waits (at most 15 s) until the server JVMs are idle: after a load phase a JVM goes on compiling
     * and collecting for a while, which would take CPU from the next phase's server on 2 cores.
     */
    static void quiesce(List<? extends CpuSource> servers) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            long before = 0;
            for (CpuSource s : servers) {
                before += Math.max(0, s.serverCpuNanos());
            }
            Thread.sleep(500);
            long after = 0;
            for (CpuSource s : servers) {
                after += Math.max(0, s.serverCpuNanos());
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
    static String machineBusy(List<? extends CpuSource> servers) {
        try {
            long own0 = ownCpuNanos(servers);
            long t0 = System.nanoTime();
            long[] a = cpuTicks();
            Thread.sleep(1000);
            long[] b = cpuTicks();
            long own = ownCpuNanos(servers) - own0;
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
    private static long ownCpuNanos(List<? extends CpuSource> servers) {
        long sum = Math.max(0, clientCpuNanos());
        for (CpuSource s : servers) {
            sum += Math.max(0, s.serverCpuNanos());
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

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static String cpuPerIteration(long cpuNanos, long ok) {
        if (cpuNanos <= 0 || ok == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f ms", cpuNanos / 1_000_000.0 / ok);
    }

    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
