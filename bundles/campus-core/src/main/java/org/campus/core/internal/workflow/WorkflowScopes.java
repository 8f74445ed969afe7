package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

import javax.persistence.EntityManager;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.MigrationResult;
import org.campus.api.workflow.NewBinding;
import org.campus.api.workflow.PlanOption;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.DatabaseException;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.db.StoredText;
import org.campus.core.internal.db.Transactions;
import org.campus.core.internal.workflow.WorkflowRecordRepository.Selection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving records between workflows (migrations, per-record overrides) and binding workflows to
 * scopes, with the plan a binding needs for the records that followed the scope's previous
 * workflow. Records are {@link WorkflowRecordRepository}'s (plain JDBC), bindings
 * {@link BindingRepository}'s (EclipseLink): a binding that moves records runs both in one
 * EclipseLink transaction, the record repository on its connection.
 *
 * <p>Migrations are set-based: the history entries of the moved records are written in JDBC batches
 * and one {@code UPDATE} per mapped state moves the records and bumps their versions, so that an
 * action that read a record before the migration loses with a 409 instead of landing on the old
 * workflow. The record table is locked in share mode for the migration (readers go on, writers
 * wait), so that the states counted and validated are the states moved.
 */
final class WorkflowScopes {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    static final String SYSTEM = "system";
    static final String MIGRATE = "migrate";

    private final Transactions tx;
    private final JdbcTransactions jdbc;
    private final WorkflowRecordRepository records;
    private final BindingRepository bindings = new BindingRepository();
    private final LongFunction<WorkflowDefinition> definitions;
    private final LongFunction<Optional<Workflow>> workflows;
    private final Clock clock;

    WorkflowScopes(Transactions tx, JdbcTransactions jdbc, WorkflowRecordRepository records,
            LongFunction<WorkflowDefinition> definitions, LongFunction<Optional<Workflow>> workflows, Clock clock) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.records = records;
        this.definitions = definitions;
        this.workflows = workflows;
        this.clock = clock;
    }

    // ---- migrations

    MigrationResult migrate(long fromWorkflowId, RecordMigration migration) {
        definitions.apply(fromWorkflowId); // 404 for an unknown source
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
        Selection selection = Selection.of("workflow_id = ?", fromWorkflowId);
        if (migration.courseId() != null) {
            selection = selection.and("course_id = ?", migration.courseId().value());
        }
        if (migration.activityId() != null) {
            selection = selection.and("activity_id = ?", migration.activityId().value());
        }
        Selection selected = selection;
        String actor = actor(migration.actor());
        String comment = comment(fromWorkflowId, migration.toWorkflowId());
        long now = clock.millis();
        Map<String, Long> moved = jdbc.write("migrating records", c -> {
            records.lockRecords(c);
            Map<String, Long> counts = records.countByState(c, selected);
            List<FieldError> unmapped = unmapped(counts, migration.stateMap(), target, migration.toWorkflowId(),
                    "stateMap.", null);
            if (!unmapped.isEmpty()) {
                throw new InvalidInputException(unmapped);
            }
            move(c, selected, counts, migration.stateMap(), migration.toWorkflowId(), actor, comment, now);
            return counts;
        });
        long total = moved.values().stream().mapToLong(Long::longValue).sum();
        AUDIT.info("workflow {}: {} records migrated to workflow {} by {} ({})", fromWorkflowId, total,
                migration.toWorkflowId(), actor, moved);
        return new MigrationResult(fromWorkflowId, migration.toWorkflowId(), total, moved);
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
            if (!DatabaseException.isConstraintViolation(e)) {
                throw e;
            }
            throw new ConflictException("the scope was bound by another request meanwhile; read its binding and retry");
        }
        AUDIT.info("workflow binding {} {}/{} -> workflow {} by {} (was {}; {} records, plan {})", b.scope().code(),
                course, activity, b.workflowId(), actor, change.previousWorkflowId(), change.affected(),
                change.plan());
        return change;
    }

    /** Binds the scope, moving the records that follow it by the plan: bindings on {@code em}, records on {@code c}. */
    private BindingChange bind(EntityManager em, Connection c, NewBinding b, WorkflowDefinition target,
            MigrationPlan plan, String course, String activity, String actor, long now) throws SQLException {
        records.lockRecords(c);
        Long previous = bindings.effective(em, b.scope() == BindingScope.GLOBAL ? "" : course, activity)
                .map(WorkflowBindingEntity::getWorkflowId).orElse(null);
        long affected = 0;
        MigrationPlan applied = null;
        if (previous != null && previous != b.workflowId()) {
            Selection following = following(b.scope(), previous, course, activity);
            Map<String, Long> counts = records.countByState(c, following);
            affected = counts.values().stream().mapToLong(Long::longValue).sum();
            if (affected > 0) {
                applied = plan;
                apply(c, following, counts, previous, b.workflowId(), target, plan, affected, actor, now);
            }
        }
        WorkflowBindingEntity e = bindings.bind(em, b.scope(), b.courseId(), b.activityId(), b.workflowId(), now);
        return new BindingChange(BindingRepository.toValue(e), previous, affected, applied);
    }

    /**
     * The records that followed {@code previous} through the scope: those of the scope on it, except
     * those of narrower scopes that have a binding of their own.
     */
    private static Selection following(BindingScope scope, long previous, String course, String activity) {
        Selection s = Selection.of("workflow_id = ?", previous);
        return switch (scope) {
            case ACTIVITY -> s.and("course_id = ?", course).and("activity_id = ?", activity);
            case COURSE -> s.and("course_id = ?", course).and("activity_id NOT IN (SELECT b.activity_id FROM "
                    + "workflow_binding b WHERE b.scope = 'activity' AND b.course_id = ?)", course);
            case GLOBAL -> s.and("course_id NOT IN (SELECT b.course_id FROM workflow_binding b WHERE b.scope = 'course')")
                    .and("NOT EXISTS (SELECT 1 FROM workflow_binding b WHERE b.scope = 'activity' AND "
                            + "b.course_id = workflow_record.course_id AND b.activity_id = workflow_record.activity_id)");
        };
    }

    private void apply(Connection c, Selection selected, Map<String, Long> counts, long previous, long next,
            WorkflowDefinition target, MigrationPlan plan, long affected, String actor, long now) throws SQLException {
        if (plan == null) {
            throw new ConflictException(affected + " records (in states " + counts.keySet() + ") follow workflow "
                    + previous + " in this scope; bind again with a plan: \"plan\": {\"stateMap\": {...}} mapping "
                    + "each of these states to a state of workflow " + next + ", or \"plan\": {\"option\": "
                    + "\"hide\" | \"viewOnly\" | \"moveInitial\"} (moveInitial with a stateMap for the states "
                    + "other than the initial one)");
        }
        String comment = comment(previous, next) + " (the scope's workflow changed)";
        if (plan.option() == PlanOption.HIDE || plan.option() == PlanOption.VIEW_ONLY) {
            RecordVisibility visibility = plan.option() == PlanOption.HIDE ? RecordVisibility.HIDDEN
                    : RecordVisibility.VIEW_ONLY;
            String note = "left on workflow " + previous + ", " + visibility.code()
                    + ": the scope now follows workflow " + next;
            records.appendHistory(c, selected, plan.option().code(), state -> state, actor, note, now);
            records.setVisibility(c, selected, visibility, now);
            return;
        }
        Map<String, String> map = new HashMap<>(plan.stateMap());
        String oldInitial = null;
        if (plan.option() == PlanOption.MOVE_INITIAL) {
            oldInitial = definitions.apply(previous).initialState();
            map.putIfAbsent(oldInitial, target.initialState());
        }
        List<FieldError> unmapped = unmapped(counts, map, target, next, "plan.stateMap.", oldInitial);
        if (!unmapped.isEmpty()) {
            throw new InvalidInputException(unmapped);
        }
        move(c, selected, counts, map, next, actor, comment, now);
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

    // ---- set-based moves

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

    /** Moves the selected records, state by state, to {@code to}, with one history entry each. */
    private void move(Connection c, Selection selected, Map<String, Long> counts, Map<String, String> map, long to,
            String actor, String comment, long now) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        records.appendHistory(c, selected, MIGRATE, map::get, actor, comment, now);
        for (String from : counts.keySet()) {
            records.moveAll(c, selected.and("state = ?", from), to, map.get(from), now);
        }
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

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return SYSTEM;
        }
        return actor.length() > 255 ? actor.substring(0, 255) : actor;
    }
}
