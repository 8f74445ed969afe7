package org.campus.core.internal.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
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
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.event.Events;
import org.campus.spi.job.JobCheckpoint;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.campus.spi.job.JobSupersededException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job engine (docs/JOBS.md). db-scheduler claims, runs and recovers the executions of job
 * attempts; this class keeps the jobs themselves in Campus's tables and decides every change of a
 * job's state: an attempt starts, reports, checkpoints and ends; an attempt that failed or died is
 * retried from the last checkpoint or the job fails; a cancel stops a queued job at once and a
 * running one at its next check.
 *
 * <p>Liveness is the job's own: an attempt is alive while it reports through its context. The
 * supervisor (every heartbeat interval, on every node, on db-scheduler's housekeeping threads) takes
 * a running attempt that has not reported for {@link JobSettings#deadAfter()} for dead, wherever it
 * runs, and at start this node takes every attempt still recorded as running here for dead: it
 * cannot be running, as the node just started. Every change is fenced on the attempt number, so
 * concurrent supervisors, a cut-off node and the attempt itself never both win.
 */
@Component(service = JobService.class, immediate = true, configurationPid = JobsConfig.PID)
@Designate(ocd = JobsConfig.class)
public class JobEngine implements JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    private static final Pattern TYPE = Pattern.compile(NewJob.TYPE_PATTERN);

    private final JobSettings settings;
    private final JobRepository repository;
    private final JdbcTransactions jdbc;
    private final JobEvents events;
    private final Clock clock;
    private final JobExecutors executors = new JobExecutors();
    private final Map<Long, AttemptContext> running = new ConcurrentHashMap<>();
    private final JobScheduling scheduling;
    private volatile boolean started;
    private volatile boolean stopping;

    @Activate
    public JobEngine(JobsConfig config, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference Events events) {
        this(dataSource, JobSettings.of(config), events, Clock.systemUTC());
    }

    /** For tests outside OSGi; {@link #start()} it once its executors are added. */
    public JobEngine(DataSource dataSource, JobSettings settings, Events events, Clock clock) {
        this.settings = settings;
        this.repository = new JobRepository(dataSource);
        this.jdbc = new JdbcTransactions(dataSource);
        this.events = new JobEvents(events);
        this.clock = clock;
        this.scheduling = new JobScheduling(dataSource, settings, new JobScheduling.AttemptRunner() {
            @Override
            public Instant run(long jobId, int attempt) {
                return runAttempt(jobId, attempt);
            }

            @Override
            public boolean reviveDeadExecution(long jobId, int attempt) {
                return isQueued(jobId, attempt);
            }
        });
    }

    /** Recovers what this node left running, then starts claiming jobs. */
    @Activate
    public void start() {
        recoverOwnAttempts();
        scheduling.start(this::supervise, settings.heartbeatInterval());
        started = true;
        LOG.info("Job engine started on node {}: {} thread(s), a job is dead after {} without a report, dead jobs {}",
                settings.nodeName(), settings.poolSize(), seconds(settings.deadAfter()),
                settings.deadJobAction() == JobSettings.DeadJobAction.RETRY
                        ? "retried (" + settings.maxAttempts() + " attempts)" : "failed");
    }

    /** Asks every running attempt to stop at its next check, and waits for them (they resume later). */
    @Deactivate
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        running.values().forEach(c -> c.stop("node " + settings.nodeName() + " stopped while the job ran"));
        scheduling.stop();
        started = false;
        if (!running.isEmpty()) {
            LOG.warn("Job engine stopped with {} attempt(s) still running: {}; they are taken for dead and resumed"
                    + " at the next start or by another node", running.size(), running.keySet());
        }
    }

    @Reference(service = JobExecutor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindExecutor(JobExecutor executor, Map<String, Object> properties) {
        addExecutor(executor, JobExecutors.types(properties.get(JobExecutor.TYPE)));
    }

    void unbindExecutor(JobExecutor executor) {
        removeExecutor(executor);
    }

    /** Registers an executor for {@code types} (what DS does for a service with {@link JobExecutor#TYPE}). */
    public void addExecutor(JobExecutor executor, List<String> types) {
        executors.add(executor, types);
        if (started) {
            scheduling.wake();
        }
    }

    /** Drops an executor; its running attempts stop at their next check and resume when one is back. */
    public void removeExecutor(JobExecutor executor) {
        executors.remove(executor);
        running.values().stream().filter(c -> c.executor() == executor)
                .forEach(c -> c.stop("the executor of job type " + c.job().type() + " went away"));
    }

    public JobSettings settings() {
        return settings;
    }

    // ---- JobService

    @Override
    public Job submit(NewJob job) {
        check(job);
        long now = clock.millis();
        try {
            Job created = jdbc.write(c -> insert(c, job, now));
            events.post(TOPIC_QUEUED, created);
            if (started) {
                scheduling.wake();
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("the job could not be recorded: " + e.getMessage(), e);
        }
    }

    @Override
    public Job submit(NewJob job, Connection connection) throws SQLException {
        check(job);
        Job created = insert(connection, job, clock.millis());
        if (started) {
            scheduling.wake();
        }
        return created;
    }

    private Job insert(Connection c, NewJob job, long now) throws SQLException {
        Job created = repository.insert(c, job, now);
        repository.log(c, created.id(), 0, JobLogLevel.INFO, "submitted by " + job.owner(), now);
        scheduling.schedule(c, created.id(), 1, Instant.ofEpochMilli(now));
        return created;
    }

    private void check(NewJob job) {
        List<FieldError> errors = new ArrayList<>();
        if (job.type().length() > NewJob.MAX_TYPE_LENGTH || !TYPE.matcher(job.type()).matches()) {
            errors.add(new FieldError("type", "must be lower-case words separated by dots or dashes, at most "
                    + NewJob.MAX_TYPE_LENGTH + " characters"));
        } else if (executors.find(job.type()) == null) {
            errors.add(new FieldError("type", "no executor is registered for job type " + job.type()));
        }
        if (job.owner().isBlank() || job.owner().length() > NewJob.MAX_OWNER_LENGTH
                || job.owner().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("owner", "must be 1 to " + NewJob.MAX_OWNER_LENGTH + " printable characters"));
        }
        if (job.parameters().size() > NewJob.MAX_PARAMETERS) {
            errors.add(new FieldError("parameters", "at most " + NewJob.MAX_PARAMETERS + " parameters"));
        }
        int length = 0;
        for (Map.Entry<String, String> p : job.parameters().entrySet()) {
            if (p.getKey().isEmpty() || p.getKey().length() > NewJob.MAX_PARAMETER_NAME_LENGTH || p.getValue() == null) {
                errors.add(new FieldError("parameters", "names are 1 to " + NewJob.MAX_PARAMETER_NAME_LENGTH
                        + " characters and every value is given"));
                break;
            }
            length += p.getKey().length() + p.getValue().length();
        }
        if (length > NewJob.MAX_PARAMETERS_LENGTH) {
            errors.add(new FieldError("parameters", "hold at most " + NewJob.MAX_PARAMETERS_LENGTH
                    + " characters in all; keep bulk input in the submitting service's own tables"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    @Override
    public Optional<Job> find(long id) {
        try {
            return repository.find(id);
        } catch (SQLException e) {
            throw new IllegalStateException("job " + id + " could not be read: " + e.getMessage(), e);
        }
    }

    private Job require(long id) {
        return find(id).orElseThrow(() -> NotFoundException.of("job", id));
    }

    @Override
    public Page<Job> list(JobQuery query, PageRequest page) {
        try {
            return repository.list(query, page);
        } catch (SQLException e) {
            throw new IllegalStateException("jobs could not be listed: " + e.getMessage(), e);
        }
    }

    @Override
    public Page<JobLogEntry> log(long id, JobLogLevel minLevel, PageRequest page) {
        require(id);
        try {
            return repository.log(id, minLevel, page);
        } catch (SQLException e) {
            throw new IllegalStateException("the log of job " + id + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Job cancel(long id) {
        for (int tries = 0; tries < 5; tries++) {
            Job job = require(id);
            if (job.state().isEnded()) {
                throw new ConflictException("job " + id + " has already ended (" + job.state().code() + ")");
            }
            long now = clock.millis();
            try {
                if (job.state() == JobState.QUEUED) {
                    String reason = "cancelled before attempt " + job.attempt() + " started";
                    if (jdbc.write(c -> repository.endQueued(c, id, job.attempt(), JobState.CANCELLED, reason, now)
                            && log(c, id, 0, JobLogLevel.INFO, reason, now))) {
                        Job cancelled = require(id);
                        events.post(TOPIC_CANCELLED, cancelled);
                        return cancelled;
                    }
                } else if (jdbc.write(c -> repository.requestCancel(c, id, job.attempt())
                        && log(c, id, 0, JobLogLevel.INFO, "cancel requested; the job stops at its next check", now))) {
                    AttemptContext local = running.get(id);
                    if (local != null && local.attempt() == job.attempt()) {
                        local.cancel();
                    }
                    return require(id);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("job " + id + " could not be cancelled: " + e.getMessage(), e);
            }
        }
        throw new ConflictException("job " + id + " changed while it was being cancelled; try again");
    }

    @Override
    public Job retry(long id) {
        Job job = require(id);
        if (job.state() != JobState.FAILED) {
            throw new ConflictException("only a failed job can be retried; job " + id + " is " + job.state().code());
        }
        long now = clock.millis();
        String resume = job.checkpoint() == null ? "from its start" : "after step " + job.checkpoint();
        try {
            boolean queued = jdbc.write(c -> {
                if (!repository.requeue(c, id, job.attempt(), JobState.FAILED, 0, now, null)) {
                    return false;
                }
                log(c, id, 0, JobLogLevel.INFO, "retried on request: attempt " + (job.attempt() + 1)
                        + " resumes " + resume, now);
                scheduling.schedule(c, id, job.attempt() + 1, Instant.ofEpochMilli(now));
                return true;
            });
            if (!queued) {
                throw new ConflictException("job " + id + " changed while it was being retried; read it again");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job " + id + " could not be retried: " + e.getMessage(), e);
        }
        Job requeued = require(id);
        events.post(TOPIC_QUEUED, requeued);
        if (started) {
            scheduling.wake();
        }
        return requeued;
    }

    @Override
    public void delete(long id) {
        Job job = require(id);
        if (!job.state().isEnded()) {
            throw new ConflictException("job " + id + " has not ended (" + job.state().code()
                    + "); cancel it first");
        }
        JobExecutor executor = executors.find(job.type());
        if (executor == null) {
            throw new ConflictException("no executor of job type " + job.type() + " is registered now, and it may"
                    + " hold data for job " + id + "; delete it once the executor is back");
        }
        try {
            boolean deleted = jdbc.write(c -> {
                executor.deleting(job, c);
                return repository.delete(c, id, job.state());
            });
            if (!deleted) {
                throw new ConflictException("job " + id + " changed while it was being deleted; read it again");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("job " + id + " could not be deleted: " + e.getMessage(), e);
        }
        events.post(TOPIC_DELETED, job);
    }

    // ---- running an attempt (on a thread of the job pool)

    private boolean isQueued(long jobId, int attempt) {
        Optional<Job> job = find(jobId);
        return job.isPresent() && job.get().state() == JobState.QUEUED && job.get().attempt() == attempt;
    }

    /** Runs attempt {@code attempt} of job {@code id}; returns when to look again, or {@code null} when done with it. */
    Instant runAttempt(long id, int attempt) {
        Optional<Job> found = find(id);
        if (found.isEmpty() || found.get().attempt() != attempt) {
            return null; // deleted, or a newer attempt took over: this execution is stale
        }
        Job job = found.get();
        long now = clock.millis();
        if (job.state() == JobState.RUNNING && settings.nodeName().equals(job.node()) && !running.containsKey(id)) {
            // the end of an attempt of this node could not be recorded (its execution is run again)
            dead(new JobRepository.RunningAttempt(id, attempt, job.failedAttempts(), job.node(),
                    job.lastHeartbeat() == null ? now : job.lastHeartbeat().toEpochMilli(), job.cancelRequested()),
                    "the end of attempt " + attempt + " on node " + job.node() + " could not be recorded");
            return null;
        }
        if (job.state() != JobState.QUEUED) {
            return null;
        }
        if (stopping) {
            return Instant.ofEpochMilli(now); // left to another node, or to this one's next start
        }
        JobExecutor executor = executors.find(job.type());
        if (executor == null) {
            return waitForExecutor(job, now);
        }
        if (!claim(id, attempt, now)) {
            return null;
        }
        Optional<JobCheckpoint> checkpoint;
        try {
            checkpoint = repository.checkpoint(id);
            job = repository.find(id).orElseThrow();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Job {}: attempt {} could not read its checkpoint: {}", id, attempt, e.toString());
            return null; // the attempt stays running without reports: the supervisor takes it for dead
        }
        AttemptContext context = new AttemptContext(job, checkpoint, executor, repository, events, clock, settings);
        running.put(id, context);
        events.post(TOPIC_STARTED, job);
        JobResult result = null;
        Throwable failure = null;
        try {
            appendLog(id, attempt, JobLogLevel.INFO, "attempt " + attempt + " started on node " + settings.nodeName()
                    + checkpoint.map(c -> ", resuming after step " + c.step()).orElse(""));
            context.reportNow(); // the engine's own setup must not count against the job's time to report
            result = executor.execute(context);
            if (result == null) {
                failure = new IllegalStateException("the executor returned no result");
            }
        } catch (JobSupersededException e) {
            context.supersede(false);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            failure = e;
        } finally {
            running.remove(id, context);
            Thread.interrupted(); // an interrupt meant for the attempt must not reach the pool
        }
        finish(context, result, failure);
        return null;
    }

    private boolean claim(long id, int attempt, long now) {
        try {
            return repository.claim(id, attempt, settings.nodeName(), now);
        } catch (SQLException e) {
            throw new IllegalStateException("job " + id + " could not be started: " + e.getMessage(), e);
        }
    }

    private Instant waitForExecutor(Job job, long now) {
        long waited = now - job.due().toEpochMilli();
        try {
            if (waited >= settings.executorWait().toMillis()) {
                String reason = "no executor of job type " + job.type() + " was registered within "
                        + seconds(settings.executorWait());
                if (jdbc.write(c -> repository.endQueued(c, job.id(), job.attempt(), JobState.FAILED, reason, now)
                        && log(c, job.id(), 0, JobLogLevel.ERROR, reason, now))) {
                    events.post(TOPIC_FAILED, require(job.id()));
                }
                return null;
            }
            String reason = "waiting for an executor of job type " + job.type();
            if (!reason.equals(job.reason())) {
                repository.waiting(job.id(), job.attempt(), reason);
                appendLog(job.id(), 0, JobLogLevel.WARN, reason);
            }
        } catch (SQLException e) {
            LOG.warn("Job {}: waiting for its executor could not be recorded: {}", job.id(), e.getMessage());
        }
        long next = Math.min(settings.pollInterval().toMillis(), settings.executorWait().toMillis() - waited);
        return Instant.ofEpochMilli(now + Math.max(10, next));
    }

    /** Records how an attempt ended, unless a newer attempt superseded it. */
    private void finish(AttemptContext context, JobResult result, Throwable failure) {
        Job job = context.job();
        int attempt = context.attempt();
        if (context.isSuperseded()) {
            LOG.info("Job {}: attempt {} ended after it was superseded; nothing of it is recorded", job.id(), attempt);
            return;
        }
        long now = clock.millis();
        boolean succeeded = result != null && result.outcome() == JobResult.Outcome.SUCCEEDED;
        try {
            if (!succeeded && context.stopReason() != null && !context.wasCancelRequested()) {
                requeueInterrupted(job, attempt, context.stopReason(), now);
            } else if (succeeded) {
                end(job, attempt, JobState.COMPLETED, null, now, "completed");
            } else if (context.wasCancelRequested() || result != null && result.outcome() == JobResult.Outcome.CANCELLED) {
                String reason = context.wasCancelRequested() ? "cancelled on request" : "cancelled by its executor";
                end(job, attempt, JobState.CANCELLED, reason, now, reason);
            } else if (result != null && result.outcome() == JobResult.Outcome.FAILED) {
                end(job, attempt, JobState.FAILED, result.reason(), now, "failed: " + result.reason());
            } else {
                String reason = failure != null ? describe(failure) : result.reason();
                if (failure != null) {
                    LOG.warn("Job {} ({}): attempt {} failed", job.id(), job.type(), attempt, failure);
                }
                retryOrFail(job.id(), attempt, job.failedAttempts(), "attempt " + attempt + " failed: " + reason, now,
                        null);
            }
        } catch (SQLException e) {
            // the job stays running without reports; its execution is run again, or the supervisor takes it for dead
            throw new IllegalStateException("the end of attempt " + attempt + " of job " + job.id()
                    + " could not be recorded: " + e.getMessage(), e);
        }
    }

    private void end(Job job, int attempt, JobState state, String reason, long now, String logText)
            throws SQLException {
        JobLogLevel level = state == JobState.FAILED ? JobLogLevel.ERROR : JobLogLevel.INFO;
        if (jdbc.write(c -> repository.end(c, job.id(), attempt, state, reason, now)
                && log(c, job.id(), attempt, level, logText, now))) {
            events.post(JobEvents.topicOf(state), require(job.id()));
        }
    }

    private void requeueInterrupted(Job job, int attempt, String why, long now) throws SQLException {
        String reason = why + "; attempt " + (attempt + 1) + " resumes after its last checkpoint";
        if (jdbc.write(c -> {
            if (!repository.requeue(c, job.id(), attempt, JobState.RUNNING, job.failedAttempts(), now, reason)) {
                return false;
            }
            log(c, job.id(), attempt, JobLogLevel.WARN, reason, now);
            scheduling.schedule(c, job.id(), attempt + 1, Instant.ofEpochMilli(now));
            return true;
        })) {
            events.post(TOPIC_QUEUED, require(job.id()));
        }
    }

    /**
     * Counts a failed or dead attempt: queues the next one after the backoff while attempts remain
     * (and dead jobs are retried), else fails the job. Fenced on the running attempt.
     */
    private boolean retryOrFail(long id, int attempt, int failedBefore, String reason, long now, Long silentSince)
            throws SQLException {
        boolean dead = silentSince != null;
        int failed = failedBefore + 1;
        boolean retry = failed < settings.maxAttempts()
                && (!dead || settings.deadJobAction() == JobSettings.DeadJobAction.RETRY);
        if (!retry) {
            String why = reason + (dead && settings.deadJobAction() == JobSettings.DeadJobAction.FAIL ? ""
                    : " (" + failed + " of " + settings.maxAttempts() + " attempts failed)");
            if (jdbc.write(c -> repository.end(c, id, attempt, JobState.FAILED, why, now, failed, silentSince)
                    && log(c, id, attempt, JobLogLevel.ERROR, why, now))) {
                events.post(TOPIC_FAILED, require(id));
                return true;
            }
            return false;
        }
        long due = now + settings.backoffAfter(failed).toMillis();
        String why = reason + "; attempt " + (attempt + 1) + " at " + Instant.ofEpochMilli(due)
                + " resumes after the last checkpoint";
        if (jdbc.write(c -> {
            if (!repository.requeue(c, id, attempt, JobState.RUNNING, failed, due, why, silentSince)) {
                return false;
            }
            log(c, id, attempt, JobLogLevel.WARN, why, now);
            scheduling.schedule(c, id, attempt + 1, Instant.ofEpochMilli(due));
            return true;
        })) {
            events.post(TOPIC_QUEUED, require(id));
            return true;
        }
        return false;
    }

    // ---- the supervisor (housekeeping threads, every heartbeat interval, on every node)

    /** Dead attempts are failed or retried; queued attempts whose execution went missing are scheduled again. */
    void supervise() {
        try {
            long now = clock.millis();
            for (JobRepository.RunningAttempt a : repository.running(now - settings.deadAfter().toMillis(), null)) {
                dead(a, "no report from attempt " + a.attempt() + " on node " + a.node() + " since "
                        + Instant.ofEpochMilli(a.lastHeartbeat()) + " (a job is dead after "
                        + seconds(settings.deadAfter()) + " without a report)");
            }
            List<long[]> overdue = repository.overdue(now - settings.deadAfter().toMillis());
            if (!overdue.isEmpty()) {
                List<String> instances = new ArrayList<>();
                overdue.forEach(o -> instances.add(JobScheduling.instance(o[0], (int) o[1])));
                Set<String> scheduled = repository.scheduled(JobScheduling.ATTEMPT_TASK, instances);
                for (long[] o : overdue) {
                    if (!scheduled.contains(JobScheduling.instance(o[0], (int) o[1]))
                            && scheduling.scheduleIfAbsent(o[0], (int) o[1], Instant.ofEpochMilli(now))) {
                        LOG.warn("Job {}: queued attempt {} had no execution; scheduled it again", o[0], o[1]);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The job supervisor could not look at the jobs: {}", e.toString());
        }
    }

    /** At start: an attempt recorded as running on this node cannot be running, as the node just started. */
    private void recoverOwnAttempts() {
        try {
            for (JobRepository.RunningAttempt a : repository.running(null, settings.nodeName())) {
                dead(a, "node " + a.node() + " stopped while attempt " + a.attempt() + " ran (last report "
                        + Instant.ofEpochMilli(a.lastHeartbeat()) + ")");
            }
        } catch (SQLException e) {
            LOG.warn("Jobs left running on node {} could not be looked at; the supervisor takes them for dead"
                    + " later: {}", settings.nodeName(), e.getMessage());
        }
    }

    private void dead(JobRepository.RunningAttempt a, String reason) {
        long now = clock.millis();
        AttemptContext local = running.get(a.id());
        try {
            if (a.cancelRequested()) {
                String why = "cancelled on request; " + reason;
                if (!jdbc.write(c -> repository.end(c, a.id(), a.attempt(), JobState.CANCELLED, why, now, null,
                        a.lastHeartbeat()) && log(c, a.id(), a.attempt(), JobLogLevel.WARN, why, now))) {
                    return; // it reported meanwhile, or ended
                }
                events.post(TOPIC_CANCELLED, require(a.id()));
            } else if (!retryOrFail(a.id(), a.attempt(), a.failedAttempts(), reason, now, a.lastHeartbeat())) {
                return; // it reported meanwhile, or ended: alive after all
            }
            LOG.warn("Job {}: attempt {} taken for dead: {}", a.id(), a.attempt(), reason);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Job {}: dead attempt {} could not be handled, will try again: {}", a.id(), a.attempt(),
                    e.toString());
            return;
        }
        if (local != null && local.attempt() == a.attempt()) {
            local.supersede(true); // stuck on this node: interrupt it; it can record nothing any more
        }
    }

    // ---- helpers

    private boolean log(Connection c, long id, int attempt, JobLogLevel level, String message, long now)
            throws SQLException {
        repository.log(c, id, attempt, level, message, now);
        return true;
    }

    private void appendLog(long id, int attempt, JobLogLevel level, String message) {
        try {
            repository.log(id, attempt, level, message, clock.millis());
        } catch (SQLException e) {
            LOG.warn("Job {}: a log entry could not be written ({}): {}", id, e.getMessage(), message);
        }
    }

    /** {@code 60 s}, {@code 0.4 s}. */
    static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return (ms % 1000 == 0 ? Long.toString(ms / 1000) : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros()
                .toPlainString()) + " s";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
