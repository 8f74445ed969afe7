package org.campus.core.internal.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.campus.spi.job.JobExecutor;

/**
 * The executors registered now, by job type. The first one registered for a type runs it; another
 * takes over when it goes away. Nothing is cached past an executor's unregistration.
 */
final class JobExecutors {

    private final Map<String, List<JobExecutor>> byType = new HashMap<>();

    /** The types named by an executor's {@link JobExecutor#TYPE} property. */
    static List<String> types(Object property) {
        List<String> types = new ArrayList<>();
        if (property instanceof String s) {
            types.add(s);
        } else if (property instanceof String[] a) {
            types.addAll(List.of(a));
        } else if (property instanceof Collection<?> c) {
            c.forEach(t -> types.add(String.valueOf(t)));
        }
        return types;
    }

    synchronized void add(JobExecutor executor, List<String> types) {
        for (String type : types) {
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(executor);
        }
    }

    synchronized void remove(JobExecutor executor) {
        byType.values().forEach(list -> list.remove(executor));
        byType.values().removeIf(List::isEmpty);
    }

    synchronized JobExecutor find(String type) {
        List<JobExecutor> list = byType.get(type);
        return list == null || list.isEmpty() ? null : list.get(0);
    }
}
