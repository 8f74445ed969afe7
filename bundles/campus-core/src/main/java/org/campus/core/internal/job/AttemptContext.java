package org.campus.core.internal.job;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.campus.api.job.Job;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobService;
import org.campus.api.job.JobState;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.job.JobCheckpoint;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobSupersededException;
import org.campus.spi.job.JobWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * One attempt of one job as its executor sees it. Reports are kept in memory and written (with the
 * heartbeat, and reading the cancel flag back) at most once per report interval; checkpoints are
 * written at once. Every write is fenced on the attempt: once it finds the attempt superseded, the
 * context throws {@link JobSupersededException} from every recording call.
 */
final class AttemptContext implements JobContext {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptContext.class);
    /** PROGRESS events are posted at most this often per job. */
    static final long PROGRESS_EVENT_INTERVAL_MS = 1000;

    private final Job job;
    private final int attempt;
    private final Optional<JobCheckpoint> lastCheckpoint;
    private final JobExecutor executor;
    private final JobRepository repository;
    private final JdbcTransactions jdbc;
    private final JobEvents events;
    private final Clock clock;
    private final long reportIntervalMs;
    private final Thread thread;

    private volatile boolean cancelRequested;
    private volatile boolean superseded;
    private volatile String stopReason;

    // touched by the job's thread only
    private int total;
    private int done;
    private String step;
    private Long explicitEnd;
    private final long startedAt;
    private final int doneAtStart;
    private long lastWrite;
    private long lastEvent;
    private int lastEventPercent = -1;

    AttemptContext(Job job, Optional<JobCheckpoint> lastCheckpoint, JobExecutor executor, JobRepository repository,
            JobEvents events, Clock clock, JobSettings settings) {
        this.job = job;
        this.attempt = job.attempt();
        this.lastCheckpoint = lastCheckpoint;
        this.executor = executor;
        this.repository = repository;
        this.jdbc = new JdbcTransactions(repository.dataSource());
        this.events = events;
        this.clock = clock;
        this.reportIntervalMs = settings.reportInterval().toMillis();
        this.thread = Thread.currentThread();
        this.total = job.stepsTotal();
        this.done = lastCheckpoint.map(JobCheckpoint::stepsDone).orElse(0);
        this.doneAtStart = done;
        this.startedAt = clock.millis();
        this.lastWrite = startedAt;
    }

    JobExecutor executor() {
        return executor;
    }

    int attempt() {
        return attempt;
    }

    boolean isSuperseded() {
        return superseded;
    }

    boolean wasCancelRequested() {
        return cancelRequested;
    }

    /** Why the engine stopped this attempt (its node or its executor is going away), or {@code null}. */
    String stopReason() {
        return stopReason;
    }

    /** A cancel was asked for on this node. */
    void cancel() {
        cancelRequested = true;
    }

    /** The engine stops this attempt for a reason that is not the job's; it is resumed later. */
    void stop(String reason) {
        stopReason = reason;
    }

    /** A newer attempt took over: nothing of this one is recorded any more. */
    void supersede(boolean interrupt) {
        superseded = true;
        if (interrupt) {
            thread.interrupt();
        }
    }

    /** Writes progress and heartbeat now. */
    void reportNow() {
        report(true);
    }

    @Override
    public Job job() {
        return job;
    }

    @Override
    public Optional<JobCheckpoint> lastCheckpoint() {
        return lastCheckpoint;
    }

    @Override
    public void progress(int done, int total) {
        this.total = Math.max(0, total);
        this.done = Math.max(0, Math.min(done, this.total));
        report(false);
    }

    @Override
    public void incrementProgress(int steps) {
        done = Math.max(0, total > 0 ? Math.min(total, done + steps) : done + steps);
        report(false);
    }

    @Override
    public void step(String name) {
        step = name;
        report(false);
    }

    @Override
    public void estimatedRemaining(Duration remaining) {
        explicitEnd = remaining == null ? null : clock.millis() + Math.max(0, remaining.toMillis());
        report(false);
    }

    @Override
    public void heartbeat() {
        report(false);
    }

    @Override
    public boolean isCancelled() {
        if (!stopping()) {
            try {
                report(false);
            } catch (JobSupersededException e) {
                return true;
            }
        }
        return stopping();
    }

    private boolean stopping() {
        return cancelRequested || superseded || stopReason != null;
    }

    @Override
    public void log(JobLogLevel level, String message, Object... arguments) {
        requireCurrent();
        String text = MessageFormatter.arrayFormat(message, arguments).getMessage();
        try {
            repository.log(job.id(), attempt, level == null ? JobLogLevel.INFO : level, text, clock.millis());
        } catch (SQLException e) {
            LOG.warn("Job {}: a log entry could not be written ({}): {}", job.id(), e.getMessage(), text);
        }
        report(false);
    }

    @Override
    public void checkpoint(String step, String state) {
        try {
            checkpoint(step, state, c -> null);
        } catch (SQLException e) {
            throw new IllegalStateException("job " + job.id() + ": the checkpoint after " + step
                    + " could not be recorded: " + e.getMessage(), e);
        }
    }

    @Override
    public <R> R checkpoint(String step, String state, JobWork<R> work) throws SQLException {
        requireCurrent();
        if (step == null || step.isBlank()) {
            throw new IllegalArgumentException("a checkpoint names the finished step");
        }
        if (state != null && state.length() > JobRepository.MAX_STATE) {
            throw new IllegalArgumentException("a checkpoint's state holds at most " + JobRepository.MAX_STATE
                    + " characters, not " + state.length());
        }
        long now = clock.millis();
        Progress progress = progress(now);
        R result;
        try {
            result = jdbc.write(c -> {
                if (!repository.checkpoint(c, job.id(), attempt, JobRepository.clip(step, JobRepository.MAX_STEP),
                        state, progress, now)) {
                    throw new SupersededSignal();
                }
                return work.run(c);
            });
        } catch (SupersededSignal signal) {
            throw superseded();
        }
        lastWrite = now;
        postProgress(progress, now);
        return result;
    }

    /** Thrown inside the checkpoint's transaction to roll it back. */
    private static final class SupersededSignal extends SQLException {
        private static final long serialVersionUID = 1L;
    }

    private void requireCurrent() {
        if (superseded) {
            throw superseded();
        }
    }

    private JobSupersededException superseded() {
        superseded = true;
        return new JobSupersededException("attempt " + attempt + " of job " + job.id()
                + " is no longer the job's current attempt");
    }

    /** Writes progress and heartbeat when the report interval has passed (or {@code force}). */
    private void report(boolean force) {
        requireCurrent();
        long now = clock.millis();
        if (!force && now - lastWrite < reportIntervalMs) {
            return;
        }
        Progress progress = progress(now);
        try {
            JobRepository.Standing standing = repository.report(job.id(), attempt, progress, now);
            lastWrite = now;
            if (standing == JobRepository.Standing.SUPERSEDED) {
                throw superseded();
            }
            if (standing == JobRepository.Standing.CANCEL_REQUESTED) {
                cancelRequested = true;
            }
        } catch (SQLException e) {
            // the heartbeat is late, not lost: the next report tries again well within the dead limit
            LOG.warn("Job {}: progress could not be recorded: {}", job.id(), e.getMessage());
            return;
        }
        postProgress(progress, now);
    }

    private void postProgress(Progress progress, long now) {
        if (stopping()) {
            return; // a stopping attempt's last word is its end event, not a progress report after it
        }
        int percent = progress.percent();
        if (percent != lastEventPercent && now - lastEvent >= PROGRESS_EVENT_INTERVAL_MS) {
            lastEvent = now;
            lastEventPercent = percent;
            events.post(JobService.TOPIC_PROGRESS, job.id(), job.type(), job.owner(), JobState.RUNNING, percent,
                    attempt, null);
        }
    }

    private Progress progress(long now) {
        return new Progress(total, done, JobRepository.clip(step, JobRepository.MAX_STEP), estimatedEnd(now));
    }

    private Long estimatedEnd(long now) {
        if (explicitEnd != null) {
            return explicitEnd;
        }
        int finished = done - doneAtStart;
        if (total <= 0 || finished <= 0 || done >= total) {
            return null;
        }
        double perStep = (double) (now - startedAt) / finished;
        return now + (long) (perStep * (total - done));
    }
}
