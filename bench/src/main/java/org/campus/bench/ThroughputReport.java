package org.campus.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The summary of a throughput comparison: a table per target, errors, and the ratios campus/baseline. */
final class ThroughputReport {

    private ThroughputReport() {
    }

    /**
     * Prints the summary; returns the exit code it calls for.
     *
     * @param title the heading
     * @param requestsPerIteration HTTP requests per iteration (a req/s column when more than one)
     * @param parts the parts of an iteration to give latencies of (see {@link LoadPhase#part})
     * @param resultTag put after {@code RESULT} on the machine-readable line (empty: nothing)
     */
    static int print(BenchConfig cfg, List<? extends BenchTarget> targets, String title, int requestsPerIteration,
            List<String> parts, String resultTag) {
        System.out.println();
        System.out.println("== " + title + " ==");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-9s %9s", "target", "iter/s"));
        if (requestsPerIteration > 1) {
            head.append(String.format(Locale.ROOT, " %9s", "req/s"));
        }
        head.append(String.format(Locale.ROOT, " %8s %8s", "p50 ms", "p99 ms"));
        for (String part : parts) {
            head.append(String.format(Locale.ROOT, " %15s", part + " p50/p99"));
        }
        head.append(String.format(Locale.ROOT, " %7s %9s %12s %12s", "errors", "conflicts", "srv CPU/it", "cli CPU/it"));
        System.out.println(head);
        Map<String, LoadPhase> totals = new LinkedHashMap<>();
        for (BenchTarget t : targets) {
            if (t.unavailable != null) {
                System.out.printf("%-9s not available: %s%n", t.name, t.unavailable);
                continue;
            }
            LoadPhase total = LoadPhase.merge(t.measured);
            totals.put(t.name, total);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-9s %9.1f", t.name,
                    total.iterationsPerSecond()));
            if (requestsPerIteration > 1) {
                row.append(String.format(Locale.ROOT, " %9.1f", requestsPerIteration * total.iterationsPerSecond()));
            }
            row.append(String.format(Locale.ROOT, " %8.2f %8.2f", BenchSupport.ms(total.iteration.percentile(50)),
                    BenchSupport.ms(total.iteration.percentile(99))));
            for (String part : parts) {
                row.append(String.format(Locale.ROOT, " %15s", String.format(Locale.ROOT, "%.2f/%.2f",
                        BenchSupport.ms(total.part(part).percentile(50)), BenchSupport.ms(total.part(part).percentile(99)))));
            }
            row.append(String.format(Locale.ROOT, " %7d %9d %12s %12s", total.errors, total.conflicts,
                    BenchSupport.cpuPerIteration(total.serverCpuNanos, total.ok),
                    BenchSupport.cpuPerIteration(total.clientCpuNanos, total.ok)));
            System.out.println(row);
        }
        totals.forEach((name, p) -> p.printErrors(name));

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
        List<LoadPhase> baseRounds = measured(targets, "baseline");
        List<LoadPhase> campusRounds = measured(targets, "campus");
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
        if (campus.serverCpuNanos > 0 && base.serverCpuNanos > 0) {
            System.out.printf(Locale.ROOT, "ratio campus/baseline server CPU per iteration: %.2fx%n",
                    ((double) campus.serverCpuNanos / campus.ok) / ((double) base.serverCpuNanos / base.ok));
        }
        System.out.printf(Locale.ROOT, "RESULT%s baseline_iter_s=%.1f campus_iter_s=%.1f ratio=%.3f baseline_errors=%d "
                + "campus_errors=%d goal=%.2f %s%n", resultTag.isEmpty() ? "" : " " + resultTag,
                base.iterationsPerSecond(), campus.iterationsPerSecond(), ratio, base.errors, campus.errors,
                cfg.targetRatio, met && clean ? "MET" : met ? "MET_WITH_ERRORS" : "MISSED");
        return cfg.failBelowTarget && !(met && clean) ? 2 : 0;
    }

    static List<LoadPhase> measured(List<? extends BenchTarget> targets, String name) {
        return targets.stream().filter(t -> t.name.equals(name)).findFirst().map(t -> t.measured).orElse(List.of());
    }
}
