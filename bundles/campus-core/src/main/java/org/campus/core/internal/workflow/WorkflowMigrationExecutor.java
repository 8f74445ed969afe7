package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.campus.api.job.Job;
import org.campus.api.job.JobLogLevel;
import org.campus.api.workflow.WorkflowService;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.db.SqlDialect;
import org.campus.core.internal.workflow.MigrationSpec.RecordAction;
import org.campus.core.internal.workflow.WorkflowRecordRepository.Selection;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs migration jobs ({@link WorkflowService#JOB_TYPE_MIGRATION}): walks the records the plan
 * selects in id order, a batch at a time (a keyset page of ids, then {@link MigrationBatch} in the
 * transaction of the checkpoint that records the batch's last id), so that a batch's changes and its
 * checkpoint commit together: an attempt that dies loses only its open batch, and the next one goes
 * on after the last id recorded. The records are selected anew by each batch, so a record created on
 * the old workflow, or moved back to it, behind the walk is missed by it: when a pass changed
 * records, another pass walks from the start, up to {@link #PASSES} passes. The job succeeds when no
 * record is left; else it fails, naming how many records are left in which states.
 */
@Component(service = JobExecutor.class, property = JobExecutor.TYPE + "=" + WorkflowService.JOB_TYPE_MIGRATION,
        configurationPid = WorkflowMigrationConfig.PID)
@Designate(ocd = WorkflowMigrationConfig.class)
public class WorkflowMigrationExecutor implements JobExecutor {

    static final int PASSES = 3;
    static final int MAX_BATCH_SIZE = 2000;
    private static final String INDEX = "IX_WF_RECORD_WORKFLOW";

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");

    private final JdbcTransactions jdbc;
    private final WorkflowRecordRepository records = new WorkflowRecordRepository();
    private final MigrationPlans plans = new MigrationPlans();
    final MigrationBatch batch = new MigrationBatch(records, plans);
    private final int batchSize;
    private final Clock clock;
    private volatile String hint;
    /** Tests only: runs before each batch, outside its transaction. */
    volatile Runnable beforeBatch = () -> { };

    @Activate
    public WorkflowMigrationExecutor(WorkflowMigrationConfig config, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(dataSource, config.batchSize(), Clock.systemUTC());
    }

    WorkflowMigrationExecutor(DataSource dataSource, int batchSize, Clock clock) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            // Derby takes a table lock instead of a transaction's row locks beyond 5000 of them
            throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH_SIZE + ", not " + batchSize);
        }
        this.jdbc = new JdbcTransactions(dataSource);
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Where a migration stands: its pass, the last id it went past, and the records changed before the pass. */
    record Position(int pass, long after, long doneBefore) {

        static final Position START = new Position(1, 0, 0);

        String encode() {
            return "pass=" + pass + ";after=" + after + ";doneBefore=" + doneBefore;
        }

        static Position decode(String state) {
            if (state == null) {
                return START;
            }
            Map<String, String> values = new java.util.HashMap<>();
            for (String part : state.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    values.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            try {
                return new Position(Integer.parseInt(values.get("pass")), Long.parseLong(values.get("after")),
                        Long.parseLong(values.get("doneBefore")));
            } catch (RuntimeException e) {
                throw new IllegalStateException("not a migration checkpoint: " + state, e);
            }
        }
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        Job job = context.job();
        Optional<MigrationSpec> found = jdbc.read("reading a migration plan", c -> plans.find(c, job.id()));
        if (found.isEmpty()) {
            return JobResult.failed("migration job " + job.id() + " has no plan");
        }
        MigrationSpec spec = found.get();
        Selection selection = spec.selection();
        long planned = jdbc.read("reading a migration plan", c -> plans.planned(c, job.id()));
        long done = done(job.id());
        Position at = context.lastCheckpoint().map(cp -> Position.decode(cp.state())).orElse(Position.START);
        if (context.lastCheckpoint().isEmpty()) {
            context.log(JobLogLevel.INFO, "plan: {} {} records of workflow {}{}", spec.action().code(), planned,
                    spec.fromWorkflowId(), spec.action() == RecordAction.MIGRATE ? " to workflow "
                            + spec.toWorkflowId() + " by the state map " + spec.stateMap() : "");
        }
        context.progress(clip(done), clip(Math.max(planned, done)));
        while (true) {
            if (context.isCancelled()) {
                context.log(JobLogLevel.INFO, "stopped after {} of {} records; those stay changed, the others as they"
                        + " were; running the migration again changes the rest", done, planned);
                return JobResult.cancelled();
            }
            beforeBatch.run();
            long after = at.after();
            List<Long> ids = jdbc.read("reading a migration batch",
                    c -> records.idsAfter(c, selection, hint(c), after, batchSize));
            if (ids.isEmpty()) {
                if (done == at.doneBefore() || at.pass() >= PASSES) {
                    break;
                }
                at = new Position(at.pass() + 1, 0, done); // records may have come behind the walk: once more
                continue;
            }
            long last = ids.get(ids.size() - 1);
            Position next = new Position(at.pass(), last, at.doneBefore());
            String step = "records up to id " + last + (at.pass() > 1 ? " (pass " + at.pass() + ")" : "");
            context.step(step);
            MigrationBatch.Outcome outcome = context.checkpoint(step, next.encode(),
                    c -> batch.run(c, spec, selection, hint(c), after, last, clock::millis));
            done += outcome.changed();
            context.progress(clip(done), clip(Math.max(planned, done)));
            at = next;
        }
        // a later attempt (a retry of the failed job) walks every record again
        context.checkpoint("every record walked", new Position(1, 0, done).encode());
        return end(context, spec, planned, done);
    }

    /** Succeeds when the plan selects no record any more; else fails, naming what is left. */
    private JobResult end(JobContext context, MigrationSpec spec, long planned, long done) {
        long id = context.job().id();
        Map<String, Long> left = jdbc.read("counting the records a migration left",
                c -> records.countByState(c, spec.selection()));
        String changed = jdbc.read("reading a migration's counts", c -> plans.counts(c, id)).entrySet().stream()
                .filter(e -> e.getValue().done() > 0)
                .map(e -> spec.action() == RecordAction.MIGRATE
                        ? e.getKey() + " -> " + e.getValue().toState() + ": " + e.getValue().done()
                        : e.getKey() + ": " + e.getValue().done())
                .collect(Collectors.joining(", "));
        String summary = describe(spec.action()) + " " + done + " records of workflow " + spec.fromWorkflowId()
                + (done == 0 ? "" : " (" + changed + ")");
        AUDIT.info("workflow migration job {}: {} by {}", id, summary, spec.actor());
        if (left.isEmpty()) {
            context.log(JobLogLevel.INFO, summary);
            return JobResult.succeeded();
        }
        long count = left.values().stream().mapToLong(Long::longValue).sum();
        List<String> unmapped = left.keySet().stream()
                .filter(s -> spec.action() == RecordAction.MIGRATE && !spec.stateMap().containsKey(s)).toList();
        String reason = summary + "; " + count + " records are left on workflow " + spec.fromWorkflowId()
                + " in states " + left + (unmapped.isEmpty() ? ""
                        : ": actions moved them to states the plan does not map (" + String.join(", ", unmapped)
                                + "); migrate them with a state map for these states")
                + (unmapped.size() == left.size() ? "" : "; records came to the workflow while the job ran: retry"
                        + " the job to change them");
        context.log(JobLogLevel.WARN, reason);
        return JobResult.failed(reason);
    }

    private long done(long jobId) {
        return jdbc.read("reading a migration's counts", c -> plans.counts(c, jobId)).values().stream()
                .mapToLong(MigrationPlans.StateCount::done).sum();
    }

    private static String describe(RecordAction action) {
        return switch (action) {
            case MIGRATE -> "moved";
            case HIDE -> "hid";
            case VIEW_ONLY -> "made view-only";
        };
    }

    private static int clip(long n) {
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private String hint(Connection c) throws SQLException {
        String h = hint;
        if (h == null) {
            h = SqlDialect.of(c).indexHint(INDEX);
            hint = h;
        }
        return h;
    }

    @Override
    public void deleting(Job job, Connection connection) throws SQLException {
        plans.delete(connection, job.id());
    }
}
