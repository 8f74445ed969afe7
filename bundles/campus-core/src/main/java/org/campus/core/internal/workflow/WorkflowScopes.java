package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.job.Job;
import org.campus.api.job.JobService;
import org.campus.api.job.NewJob;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.NewBinding;
import org.campus.api.workflow.PlanOption;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.core.internal.db.DatabaseException;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.db.StoredText;
import org.campus.core.internal.db.Transactions;
import org.campus.core.internal.workflow.MigrationSpec.RecordAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving records between workflows (migrations, per-record overrides) and binding workflows to
 * scopes, with the plan a binding needs for the records that followed the scope's previous
 * workflow. Records are {@link WorkflowRecordRepository}'s (plain JDBC), bindings
 * {@link BindingRepository}'s (EclipseLink): a binding that starts a migration runs both in one
 * EclipseLink transaction, the JDBC repositories on its connection.
 *
 * <p>A migration of many records is a job ({@link WorkflowMigrationExecutor}): the request checks the
 * plan against the records' states as they are (no lock: actions go on), stores it with its job in
 * one transaction, and answers; the job moves the records in batches. A binding changes at once, so
 * that records created in the scope follow the new workflow while the job moves the old ones.
 */
final class WorkflowScopes {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    static final String SYSTEM = "system";
    static final String MIGRATE = "migrate";

    private final Transactions tx;
    private final JdbcTransactions jdbc;
    private final WorkflowRecordRepository records;
    private final BindingRepository bindings = new BindingRepository();
    private final MigrationPlans plans = new MigrationPlans();
    private final JobService jobs;
    private final LongFunction<WorkflowDefinition> definitions;
    private final LongFunction<Optional<Workflow>> workflows;
    private final Clock clock;

    /** {@code jobs} may be {@code null} in tests that start no migration. */
    WorkflowScopes(Transactions tx, JdbcTransactions jdbc, WorkflowRecordRepository records, JobService jobs,
            LongFunction<WorkflowDefinition> definitions, LongFunction<Optional<Workflow>> workflows, Clock clock) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.records = records;
        this.jobs = jobs;
        this.definitions = definitions;
        this.workflows = workflows;
        this.clock = clock;
    }

    // ---- migrations

    MigrationJob migrate(long fromWorkflowId, RecordMigration migration) {
        WorkflowDefinition source = definitions.apply(fromWorkflowId); // 404 for an unknown source
        List<FieldError> errors = new ArrayList<>();
        WorkflowDefinition target = target(migration.toWorkflowId(), "toWorkflowId", errors);
        if (migration.toWorkflowId() == fromWorkflowId) {
            errors.add(new FieldError("toWorkflowId", "is the workflow the records are on"));
        }
        checkOptionalId(errors, "courseId", migration.courseId());
        checkOptionalId(errors, "activityId", migration.activityId());
        checkStateMap(errors, "stateMap", migration.stateMap());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        MigrationSpec spec = new MigrationSpec(0, fromWorkflowId, migration.toWorkflowId(),
                MigrationPlan.of(migration.stateMap()), null, value(migration.courseId()),
                value(migration.activityId()), actor(migration.actor()),
                comment(fromWorkflowId, migration.toWorkflowId()));
        long now = clock.millis();
        MigrationJob started = jdbc.write("starting a migration", c -> {
            Map<String, Long> counts = records.countByState(c, spec.selection());
            List<FieldError> unmapped = unmapped(counts, spec.stateMap(), target, spec.toWorkflowId(), "stateMap.",
                    null);
            if (!unmapped.isEmpty()) {
                throw new InvalidInputException(unmapped);
            }
            requireNoOverlap(c, spec);
            return submit(c, spec, counts, source, now);
        });
        AUDIT.info("workflow {}: migration of {} records to workflow {} started by {} (job {}, {})", fromWorkflowId,
                started.records(), spec.toWorkflowId(), spec.actor(), started.job().id(), started.recordsByState());
        return started;
    }

    /** Queues the migration's job and stores its plan, in the caller's transaction. */
    private MigrationJob submit(Connection c, MigrationSpec spec, Map<String, Long> counts,
            WorkflowDefinition source, long now) throws SQLException {
        if (jobs == null) {
            throw new IllegalStateException("no job service to run migrations");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("fromWorkflowId", Long.toString(spec.fromWorkflowId()));
        parameters.put("toWorkflowId", Long.toString(spec.toWorkflowId()));
        parameters.put("action", spec.action().code());
        Job job = jobs.submit(new NewJob(WorkflowService.JOB_TYPE_MIGRATION, spec.actor(), parameters), c);
        plans.insert(c, spec.withJob(job.id()), counts, now);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<String> warnings = spec.action() == RecordAction.MIGRATE
                ? unmappedReachable(source, counts.keySet(), spec.stateMap(), spec.fromWorkflowId()) : List.of();
        return new MigrationJob(job, spec.fromWorkflowId(), spec.toWorkflowId(), spec.plan(), total, counts, warnings);
    }

    /** A migration must not run at once with an unfinished one that could get in its way (as MigrationSpec#overlaps says). */
    private void requireNoOverlap(Connection c, MigrationSpec spec) throws SQLException {
        for (MigrationSpec other : plans.unfinished(c, spec.fromWorkflowId(), spec.toWorkflowId())) {
            if (spec.overlaps(other)) {
                throw new ConflictException("migration job " + other.jobId() + " (records of workflow "
                        + other.fromWorkflowId() + ", " + other.action().code() + ", to workflow "
                        + other.toWorkflowId() + ") has not ended and involves the same workflows and records; "
                        + "wait until it has ended, or cancel it, and ask again");
            }
        }
    }

    /**
     * The states of the source that records can reach by actions from where they are, before their
     * batch takes them, and that the map does not name: records found there stay.
     */
    private static List<String> unmappedReachable(WorkflowDefinition source, Collection<String> occupied,
            Map<String, String> map, long sourceId) {
        Set<String> reached = new TreeSet<>(occupied);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ActionDef a : source.actions()) {
                if (a.from().stream().anyMatch(reached::contains) && reached.add(a.to())) {
                    grew = true;
                }
            }
        }
        reached.removeAll(occupied);
        reached.removeAll(map.keySet());
        return reached.stream().map(state -> "records can reach state '" + state + "' of workflow " + sourceId
                + " by actions before the job takes them; the plan does not map it, so such records would stay on"
                + " workflow " + sourceId).collect(Collectors.toList());
    }

    WorkflowRecord moveRecord(long recordId, long workflowId, String state, Map<String, String> stateMap,
            String actor) {
        List<FieldError> errors = new ArrayList<>();
        WorkflowDefinition target = target(workflowId, "workflowId", errors);
        Map<String, String> map = stateMap == null ? Map.of() : stateMap;
        checkStateMap(errors, "stateMap", map);
        if (state != null && state.isBlank()) {
            errors.add(new FieldError("state", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String by = actor(actor);
        long now = clock.millis();
        WorkflowRecord moved = jdbc.write("moving a record", c -> {
            WorkflowRecord before = records.find(c, recordId)
                    .orElseThrow(() -> NotFoundException.of("workflow record", recordId));
            String from = before.state();
            String field = state != null ? "state" : "stateMap." + from;
            String to = state != null ? state : map.get(from);
            if (to == null) {
                throw new InvalidInputException(field, "the record is in state '" + from
                        + "': give a state of workflow " + workflowId + ", or map this one to such a state");
            }
            if (target.findState(to).isEmpty()) {
                throw new InvalidInputException(field, "'" + to + "' is no state of workflow " + workflowId);
            }
            String comment = comment(before.workflowId(), workflowId) + " (this record only)";
            return records.moveToWorkflow(c, before, workflowId, to, MIGRATE, by, comment, now);
        });
        AUDIT.info("workflow record {} moved to workflow {} in state {} by {}", recordId, workflowId, moved.state(),
                by);
        return moved;
    }

    // ---- bindings

    BindingChange bind(NewBinding b) {
        List<FieldError> errors = new ArrayList<>();
        if (b.scope() == null) {
            errors.add(new FieldError("scope", "is required"));
        } else {
            boolean needsCourse = b.scope() != BindingScope.GLOBAL;
            boolean needsActivity = b.scope() == BindingScope.ACTIVITY;
            scopeId(errors, "courseId", b.courseId(), needsCourse, b.scope());
            scopeId(errors, "activityId", b.activityId(), needsActivity, b.scope());
        }
        WorkflowDefinition target = target(b.workflowId(), "workflowId", errors);
        MigrationPlan plan = b.plan();
        if (plan != null) {
            checkStateMap(errors, "plan.stateMap", plan.stateMap());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String course = b.courseId() == null ? "" : b.courseId().value();
        String activity = b.activityId() == null ? "" : b.activityId().value();
        String actor = actor(b.actor());
        long now = clock.millis();
        BindingChange change;
        try {
            change = tx.write(em -> {
                try {
                    return bind(em, Transactions.connection(em), b, target, plan, course, activity, actor, now);
                } catch (SQLException e) {
                    throw new DatabaseException("binding a workflow failed", e);
                }
            });
        } catch (RuntimeException e) { // a PersistenceException, perhaps wrapped by the JPA template
            if (!DatabaseException.isConstraintViolation(e) && !isOptimisticLock(e)) {
                throw e;
            }
            throw new ConflictException("the scope was bound by another request meanwhile; read its binding and retry");
        }
        AUDIT.info("workflow binding {} {}/{} -> workflow {} by {} (was {}; {} records, plan {}, job {})",
                b.scope().code(), course, activity, b.workflowId(), actor, change.previousWorkflowId(),
                change.affected(), change.plan(), change.migration() == null ? null : change.migration().job().id());
        return change;
    }

    /**
     * Binds the scope and starts the migration of the records that follow it by the plan, in one
     * transaction: bindings on {@code em}, records, plans and the job on {@code c}.
     */
    private BindingChange bind(EntityManager em, Connection c, NewBinding b, WorkflowDefinition target,
            MigrationPlan plan, String course, String activity, String actor, long now) throws SQLException {
        Long previous = bindings.effective(em, b.scope() == BindingScope.GLOBAL ? "" : course, activity)
                .map(WorkflowBindingEntity::getWorkflowId).orElse(null);
        long next = b.workflowId();
        Long from = null;
        if (previous != null && previous != next) {
            from = previous;
        } else if (previous != null && plan != null) {
            // bound again to the workflow it has: finish the scope's last migration to it, if records are left
            from = plans.lastOfScope(c, b.scope(), course, activity, next).map(MigrationSpec::fromWorkflowId)
                    .orElse(null);
        }
        MigrationJob job = null;
        if (from != null) {
            MigrationSpec following = new MigrationSpec(0, from, next, plan == null ? MigrationPlan.of(Map.of())
                    : plan, b.scope(), course, activity, actor, null);
            requireNoOverlap(c, following);
            Map<String, Long> counts = records.countByState(c, following.following());
            long affected = counts.values().stream().mapToLong(Long::longValue).sum();
            if (affected > 0) {
                if (plan == null) {
                    throw new ConflictException(affected + " records (in states " + counts.keySet() + ") follow "
                            + "workflow " + from + " in this scope; bind again with a plan: \"plan\": {\"stateMap\":"
                            + " {...}} mapping each of these states to a state of workflow " + next + ", or \"plan\":"
                            + " {\"option\": \"hide\" | \"viewOnly\" | \"moveInitial\"} (moveInitial with a stateMap"
                            + " for the states other than the initial one)");
                }
                MigrationSpec spec = planned(following, counts, target);
                Map<String, Long> covered = spec.action() == RecordAction.MIGRATE ? counts
                        : records.countByState(c, spec.selection());
                if (!covered.isEmpty()) {
                    job = submit(c, spec, covered, definitions.apply(from), now);
                }
            }
        }
        WorkflowBindingEntity e = bindings.bind(em, b.scope(), b.courseId(), b.activityId(), next, now);
        return new BindingChange(BindingRepository.toValue(e), previous, job == null ? 0 : job.records(),
                job == null ? null : job.plan(), job);
    }

    /**
     * The migration of the records that follow a scope by the binding's plan: the state map (with the
     * old initial state mapped to the new one for moveInitial), checked against the states that have
     * records, or hide or view-only.
     */
    private MigrationSpec planned(MigrationSpec following, Map<String, Long> counts, WorkflowDefinition target) {
        MigrationPlan plan = following.plan();
        long from = following.fromWorkflowId();
        long next = following.toWorkflowId();
        String comment;
        if (plan.option() == PlanOption.HIDE || plan.option() == PlanOption.VIEW_ONLY) {
            RecordVisibility visibility = plan.option() == PlanOption.HIDE ? RecordVisibility.HIDDEN
                    : RecordVisibility.VIEW_ONLY;
            comment = "left on workflow " + from + ", " + visibility.code() + ": the scope now follows workflow "
                    + next;
            plan = MigrationPlan.of(plan.option());
        } else {
            Map<String, String> map = new TreeMap<>(plan.stateMap());
            String oldInitial = null;
            if (plan.option() == PlanOption.MOVE_INITIAL) {
                oldInitial = definitions.apply(from).initialState();
                map.putIfAbsent(oldInitial, target.initialState());
            }
            List<FieldError> unmapped = unmapped(counts, map, target, next, "plan.stateMap.", oldInitial);
            if (!unmapped.isEmpty()) {
                throw new InvalidInputException(unmapped);
            }
            comment = comment(from, next) + " (the scope's workflow changed)";
            plan = new MigrationPlan(map, plan.option());
        }
        return new MigrationSpec(0, from, next, plan, following.scope(), following.courseId(),
                following.activityId(), following.actor(), comment);
    }

    private static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    List<WorkflowBinding> bindings(LmsId courseId, LmsId activityId) {
        List<FieldError> errors = new ArrayList<>();
        checkOptionalId(errors, "courseId", courseId);
        checkOptionalId(errors, "activityId", activityId);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return tx.read(em -> bindings.list(em, courseId, activityId));
    }

    Optional<WorkflowBinding> effective(LmsId courseId, LmsId activityId) {
        if (courseId == null && activityId != null) {
            throw new InvalidInputException("courseId", "is required with an activityId");
        }
        String course = courseId == null ? "" : courseId.value();
        String activity = activityId == null ? "" : activityId.value();
        return tx.read(em -> bindings.effective(em, course, activity).map(BindingRepository::toValue));
    }

    // ---- plans

    /** Each state with records must map to a state of the target; each mapping must name one. */
    private static List<FieldError> unmapped(Map<String, Long> counts, Map<String, String> map,
            WorkflowDefinition target, long targetId, String prefix, String movedInitial) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            String to = map.get(c.getKey());
            if (to == null) {
                errors.add(new FieldError(prefix + c.getKey(), c.getValue() + " records are in this state; map it "
                        + "to a state of workflow " + targetId
                        + (movedInitial == null ? "" : " (moveInitial moves only the initial state '"
                                + movedInitial + "')")));
            }
        }
        for (Map.Entry<String, String> m : new TreeMap<>(map).entrySet()) {
            if (target.findState(m.getValue()).isEmpty()) {
                errors.add(new FieldError(prefix + m.getKey(), "'" + m.getValue() + "' is no state of workflow "
                        + targetId));
            }
        }
        return errors;
    }

    // ---- checks

    private String comment(long from, long to) {
        return "migrated from workflow " + from + describe(from) + " to workflow " + to + describe(to);
    }

    private String describe(long id) {
        return workflows.apply(id).map(w -> " (version " + w.version() + " of family " + w.familyId() + ")")
                .orElse("");
    }

    private WorkflowDefinition target(long workflowId, String field, List<FieldError> errors) {
        try {
            return definitions.apply(workflowId);
        } catch (NotFoundException e) {
            errors.add(new FieldError(field, "names no workflow"));
            return null;
        }
    }

    private static void checkStateMap(List<FieldError> errors, String field, Map<String, String> map) {
        Map<String, String> sorted = new LinkedHashMap<>(new TreeMap<>(map));
        sorted.forEach((from, to) -> {
            if (from == null || from.isBlank() || from.length() > 100) {
                errors.add(new FieldError(field, "holds a state id that is blank or longer than 100 characters"));
            } else if (to == null || to.isBlank()) {
                errors.add(new FieldError(field + "." + from, "must name a state"));
            }
        });
    }

    private static void checkOptionalId(List<FieldError> errors, String field, LmsId id) {
        if (id != null && (id.value().isBlank() || id.value().length() > LmsId.MAX_LENGTH)) {
            errors.add(new FieldError(field, "must be 1 to " + LmsId.MAX_LENGTH + " characters"));
        } else if (id != null && StoredText.hasControl(id.value())) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    private static void scopeId(List<FieldError> errors, String field, LmsId id, boolean required,
            BindingScope scope) {
        if (required && id == null) {
            errors.add(new FieldError(field, "is required for scope " + scope.code()));
        } else if (!required && id != null) {
            errors.add(new FieldError(field, "must be absent for scope " + scope.code()));
        } else {
            checkOptionalId(errors, field, id);
        }
    }

    private static String value(LmsId id) {
        return id == null ? "" : id.value();
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return SYSTEM;
        }
        return actor.length() > 255 ? actor.substring(0, 255) : actor;
    }
}
