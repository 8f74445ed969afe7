package org.campus.core.internal.job;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.campus.core.internal.db.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.TaskResolver;
import com.github.kagkarlsson.scheduler.event.SchedulerListeners;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepository;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.shaded.jdbc.ExternallyManagedConnection;
import com.github.kagkarlsson.shaded.jdbc.JdbcRunner;
import com.github.kagkarlsson.shaded.jdbc.ThreadLocalTransactionContextProvider;

/**
 * The engine's use of db-scheduler: one task, {@value #ATTEMPT_TASK}, whose instances are job
 * attempts ({@code <job id>:<attempt>}), run on a bounded pool with named threads; db-scheduler
 * claims each execution on exactly one node, heartbeats it while its node lives, and detects the
 * executions of dead nodes. A new execution is written in the caller's transaction, with the job
 * row that makes it current. The supervisor runs on db-scheduler's housekeeping threads, never on
 * the job pool, so that it works while every job thread is stuck.
 */
final class JobScheduling {

    static final String ATTEMPT_TASK = "campus-job";
    static final String TABLE = "scheduled_tasks";

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduling.class);

    /** Runs one attempt; returns when to look at it again (waiting for its executor), or {@code null} when done. */
    interface AttemptRunner {
        Instant run(long jobId, int attempt);

        /** db-scheduler found the attempt's execution dead (its node stopped heartbeating): revive it? */
        boolean reviveDeadExecution(long jobId, int attempt);
    }

    private final JdbcCustomization jdbc;
    private final CustomTask<Void> attemptTask;
    private final TaskResolver resolver;
    private final SchedulerName name;
    private final ExecutorService pool;
    private final ScheduledExecutorService housekeeper;
    private final Scheduler scheduler;
    private final Duration shutdownWait;

    JobScheduling(DataSource dataSource, JobSettings settings, AttemptRunner runner) {
        this.jdbc = SqlDialect.of(dataSource) == SqlDialect.POSTGRESQL
                ? new PostgreSqlJdbcCustomization(false, true)
                : new DefaultJdbcCustomization(true);
        Duration retryLater = settings.pollInterval();
        this.attemptTask = Tasks.custom(ATTEMPT_TASK, Void.class)
                // only a failure of the engine's own bookkeeping (the database gone) lands here
                .onFailure(new FailureHandler.OnFailureRetryLater<>(retryLater))
                .onDeadExecution((ExecutionComplete complete, ExecutionOperations<Void> ops) -> {
                    long[] attempt = parse(complete.getExecution().taskInstance.getId());
                    if (attempt != null && runner.reviveDeadExecution(attempt[0], (int) attempt[1])) {
                        ops.reschedule(complete, Instant.now());
                    } else {
                        ops.remove();
                    }
                })
                .execute((TaskInstance<Void> instance, com.github.kagkarlsson.scheduler.task.ExecutionContext ctx) -> {
                    long[] attempt = parse(instance.getId());
                    Instant later = attempt == null ? null : runner.run(attempt[0], (int) attempt[1]);
                    if (later == null) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    return (ExecutionComplete complete, ExecutionOperations<Void> ops) -> ops.reschedule(complete, later);
                });
        List<Task<?>> tasks = List.of(attemptTask);
        this.resolver = new TaskResolver(SchedulerListeners.NOOP, new SystemClock(), tasks);
        this.name = new SchedulerName.Fixed(settings.nodeName());
        this.pool = Executors.newFixedThreadPool(settings.poolSize(), new NamedThreads("campus-job"));
        this.housekeeper = Executors.newScheduledThreadPool(3, new NamedThreads("campus-job-housekeeper"));
        this.shutdownWait = settings.shutdownWait();
        this.scheduler = Scheduler.create(dataSource, tasks)
                .schedulerName(name)
                .tableName(TABLE)
                .jdbcCustomization(jdbc)
                .alwaysPersistTimestampInUTC()
                .threads(settings.poolSize())
                .executorService(pool)
                .dueExecutor(Executors.newSingleThreadExecutor(new NamedThreads("campus-job-poll")))
                .housekeeperExecutor(housekeeper)
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .enableImmediateExecution()
                .shutdownMaxWait(settings.shutdownWait())
                .failureLogging(LogLevel.WARN, true)
                .build();
    }

    static String instance(long jobId, int attempt) {
        return jobId + ":" + attempt;
    }

    /** {jobId, attempt} of an execution id, or {@code null} for one that is not ours. */
    static long[] parse(String instance) {
        int colon = instance.indexOf(':');
        try {
            return colon < 0 ? null
                    : new long[] {Long.parseLong(instance.substring(0, colon)), Long.parseLong(instance.substring(colon + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Starts claiming due executions, and runs {@code supervisor} every {@code every} on the housekeeping threads. */
    void start(Runnable supervisor, Duration every) {
        scheduler.start();
        housekeeper.scheduleWithFixedDelay(supervisor, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops claiming, waits up to twice the shutdown wait for running attempts, then interrupts them. */
    void stop() {
        scheduler.stop();
        housekeeper.shutdownNow();
        LOG.debug("Job scheduling stopped after waiting up to {} for running attempts", shutdownWait.multipliedBy(2));
    }

    /** Writes the execution of an attempt in the transaction of {@code connection}; due at {@code at}. */
    void schedule(Connection connection, long jobId, int attempt, Instant at) {
        repository(connection).createIfNotExists(
                new com.github.kagkarlsson.scheduler.task.ScheduledTaskInstance(
                        attemptTask.instance(instance(jobId, attempt)), at));
    }

    /** Writes the execution of an attempt now, in its own transaction, unless it exists. */
    boolean scheduleIfAbsent(long jobId, int attempt, Instant at) {
        return scheduler.scheduleIfNotExists(attemptTask.instance(instance(jobId, attempt)), at);
    }

    /** Looks for due executions now instead of at the next poll. */
    void wake() {
        scheduler.triggerCheckForDueExecutions();
    }

    private JdbcTaskRepository repository(Connection connection) {
        return new BorrowedConnectionRepository(jdbc, resolver, name, connection);
    }

    /** db-scheduler's repository on a connection whose transaction belongs to the caller. */
    private static final class BorrowedConnectionRepository extends JdbcTaskRepository {
        BorrowedConnectionRepository(JdbcCustomization jdbc, TaskResolver resolver, SchedulerName name,
                Connection connection) {
            super(jdbc, TABLE, resolver, name, Serializer.DEFAULT_JAVA_SERIALIZER,
                    new JdbcRunner(new ExternallyManagedConnection(connection),
                            new ThreadLocalTransactionContextProvider()),
                    false, new SystemClock());
        }
    }
}
