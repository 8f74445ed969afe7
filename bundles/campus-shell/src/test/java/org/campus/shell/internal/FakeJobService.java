package org.campus.shell.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.ConflictException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobLogEntry;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobQuery;
import org.campus.api.job.JobService;
import org.campus.api.job.JobState;
import org.campus.api.job.NewJob;

/** Jobs in memory, with the engine's rules for cancel, retry and delete; records every call. */
final class FakeJobService implements JobService {

    static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    final Map<Long, Job> jobs = new LinkedHashMap<>();
    final List<JobLogEntry> log = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    JobQuery lastQuery;
    JobLogLevel lastLevel;

    Job add(long id, JobState state, String checkpoint, String reason) {
        Job job = new Job(id, "privacy.user-erasure", "admin", state, state == JobState.COMPLETED ? 100 : 40, 5,
                state == JobState.COMPLETED ? 5 : 2, state == JobState.RUNNING ? "workflow" : null, null, 1,
                state == JobState.FAILED ? 1 : 0, checkpoint, false, "n1", Map.of("userId", "42"), T, T, T,
                state.isEnded() ? T.plusSeconds(3) : null, T.plusSeconds(2), reason);
        jobs.put(id, job);
        return job;
    }

    private Job with(Job j, JobState state, int attempt, boolean cancelRequested) {
        return new Job(j.id(), j.type(), j.owner(), state, j.progress(), j.stepsTotal(), j.stepsDone(), j.currentStep(),
                null, attempt, j.failedAttempts(), j.checkpoint(), cancelRequested, j.node(), j.parameters(), j.created(),
                j.due(), j.started(), j.ended(), j.lastHeartbeat(), j.reason());
    }

    private Job require(long id) {
        Job j = jobs.get(id);
        if (j == null) {
            throw NotFoundException.of("job", id);
        }
        return j;
    }

    @Override
    public Job submit(NewJob job) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Job submit(NewJob job, Connection connection) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Job> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public Page<Job> list(JobQuery query, PageRequest page) {
        calls.add("list");
        lastQuery = query;
        return new Page<>(new ArrayList<>(jobs.values()), jobs.size() > page.limit() ? "more" : null);
    }

    @Override
    public Page<JobLogEntry> log(long id, JobLogLevel minLevel, PageRequest page) {
        require(id);
        lastLevel = minLevel;
        return new Page<>(log, null);
    }

    @Override
    public Job cancel(long id) {
        calls.add("cancel " + id);
        Job j = require(id);
        if (j.state().isEnded()) {
            throw new ConflictException("job " + id + " has already ended (" + j.state().code() + ")");
        }
        Job changed = j.state() == JobState.QUEUED ? with(j, JobState.CANCELLED, j.attempt(), false)
                : with(j, JobState.RUNNING, j.attempt(), true);
        jobs.put(id, changed);
        return changed;
    }

    @Override
    public Job retry(long id) {
        calls.add("retry " + id);
        Job j = require(id);
        if (j.state() != JobState.FAILED) {
            throw new ConflictException("only a failed job can be retried; job " + id + " is " + j.state().code());
        }
        Job changed = with(j, JobState.QUEUED, j.attempt() + 1, false);
        jobs.put(id, changed);
        return changed;
    }

    @Override
    public void delete(long id) {
        calls.add("delete " + id);
        if (!require(id).state().isEnded()) {
            throw new ConflictException("job " + id + " has not ended");
        }
        jobs.remove(id);
    }
}
