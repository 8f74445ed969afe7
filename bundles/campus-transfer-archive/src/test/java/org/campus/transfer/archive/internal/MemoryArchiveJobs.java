package org.campus.transfer.archive.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.campus.api.archive.ownership.ArchiveOwnership;
import org.campus.api.archive.ownership.OwnedArchiveJob;
import org.campus.api.workflow.LmsId;

/** Archive jobs in memory, made for users, for the provider's contract test. */
final class MemoryArchiveJobs implements ArchiveOwnership {

    final Map<Long, OwnedArchiveJob> jobs = new TreeMap<>();

    void add(long id, LmsId user, long course) {
        jobs.put(id, new OwnedArchiveJob(id, LmsId.of(course), user, Instant.parse("2026-11-30T09:15:00Z")));
    }

    void user(long id, LmsId user) {
        OwnedArchiveJob j = jobs.get(id);
        jobs.put(id, new OwnedArchiveJob(id, j.courseId(), user, j.timeCreated()));
    }

    Map<Long, LmsId> snapshot() {
        Map<Long, LmsId> users = new LinkedHashMap<>();
        jobs.forEach((id, j) -> users.put(id, j.userId()));
        return users;
    }

    @Override
    public List<OwnedArchiveJob> ofUser(LmsId userId, long afterId, int limit) {
        return jobs.values().stream().filter(j -> j.userId().value().equals(userId.value()) && j.id() > afterId)
                .limit(limit).toList();
    }

    @Override
    public Set<Long> reassign(Collection<Long> jobIds, LmsId from, LmsId to) {
        Set<Long> moved = new LinkedHashSet<>();
        for (long id : jobIds) {
            OwnedArchiveJob j = jobs.get(id);
            if (j != null && j.userId().value().equals(from.value())) {
                user(id, to);
                moved.add(id);
            }
        }
        return moved;
    }

    @Override
    public Map<Long, LmsId> users(Collection<Long> jobIds) {
        Map<Long, LmsId> users = new LinkedHashMap<>();
        for (long id : jobIds) {
            if (jobs.containsKey(id)) {
                users.put(id, jobs.get(id).userId());
            }
        }
        return users;
    }
}
