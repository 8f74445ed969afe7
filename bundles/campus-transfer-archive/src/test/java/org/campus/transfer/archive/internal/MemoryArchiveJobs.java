package org.campus.transfer.archive.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveJobUsers;
import org.campus.api.workflow.LmsId;

/** Archive jobs in memory, made for users, for the provider's contract test. */
final class MemoryArchiveJobs implements ArchiveJobUsers {

    final Map<Long, ArchiveJob> jobs = new TreeMap<>();

    void add(long id, LmsId user, long course) {
        jobs.put(id, job(id, LmsId.of(course), user, Instant.parse("2026-11-30T09:15:00Z")));
    }

    void user(long id, LmsId user) {
        ArchiveJob j = jobs.get(id);
        jobs.put(id, job(id, j.courseId(), user, j.created()));
    }

    static ArchiveJob job(long id, LmsId course, LmsId user, Instant created) {
        return new ArchiveJob(id, null, course, "lms", "completed", 100, false, "filesystem", List.of(), null, null,
                created, created, user);
    }

    Map<Long, LmsId> snapshot() {
        Map<Long, LmsId> users = new LinkedHashMap<>();
        jobs.forEach((id, j) -> users.put(id, j.userId()));
        return users;
    }

    @Override
    public List<ArchiveJob> ofUser(LmsId userId, long afterId, int limit) {
        return jobs.values().stream().filter(j -> j.userId().value().equals(userId.value()) && j.id() > afterId)
                .limit(limit).toList();
    }

    @Override
    public Set<Long> reassign(Collection<Long> jobIds, LmsId from, LmsId to) {
        Set<Long> moved = new LinkedHashSet<>();
        for (long id : jobIds) {
            ArchiveJob j = jobs.get(id);
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
