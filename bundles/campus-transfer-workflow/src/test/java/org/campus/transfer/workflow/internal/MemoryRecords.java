package org.campus.transfer.workflow.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.WorkflowAuthorship;
import org.campus.api.workflow.WorkflowRecord;

/** Workflow records with their history actors in memory, for the provider's contract test. */
final class MemoryRecords implements WorkflowAuthorship {

    final Map<Long, LmsId> authors = new TreeMap<>();
    /** history id to {record id, actor}. */
    final Map<Long, Object[]> history = new TreeMap<>();

    void record(long id, LmsId author) {
        authors.put(id, author);
    }

    void entry(long historyId, long recordId, LmsId actor) {
        history.put(historyId, new Object[] {recordId, actor});
    }

    Map<String, LmsId> snapshot() {
        Map<String, LmsId> s = new LinkedHashMap<>();
        authors.forEach((id, a) -> s.put("record " + id, a));
        history.forEach((id, e) -> s.put("history " + id + " of " + e[0], (LmsId) e[1]));
        return s;
    }

    @Override
    public List<WorkflowRecord> authoredBy(LmsId authorId, long afterId, int limit) {
        List<WorkflowRecord> found = new ArrayList<>();
        authors.forEach((id, a) -> {
            if (a.equals(authorId) && id > afterId && found.size() < limit) {
                found.add(new WorkflowRecord(id, 1, LmsId.of(id * 10), LmsId.of(12), LmsId.of(7), a, "draft",
                        Instant.EPOCH, Instant.EPOCH, 1, null));
            }
        });
        return found;
    }

    @Override
    public List<Long> historyOf(long recordId, LmsId actor) {
        List<Long> ids = new ArrayList<>();
        history.forEach((id, e) -> {
            if (e[0].equals(recordId) && actor.equals(e[1])) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Override
    public boolean move(long recordId, List<Long> historyIds, LmsId from, LmsId to) {
        if (!from.equals(authors.get(recordId))) {
            return false;
        }
        for (long h : historyIds) {
            if (!from.equals(history.get(h)[1])) {
                return false;
            }
        }
        authors.put(recordId, to);
        historyIds.forEach(h -> history.get(h)[1] = to);
        return true;
    }

    @Override
    public Map<Long, LmsId> authors(Collection<Long> recordIds) {
        Map<Long, LmsId> found = new LinkedHashMap<>();
        recordIds.forEach(id -> {
            if (authors.containsKey(id)) {
                found.put(id, authors.get(id));
            }
        });
        return found;
    }
}
