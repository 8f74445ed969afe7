package org.campus.core.internal.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.Query;

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
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving records between workflows (migrations, per-record overrides) and binding workflows to
 * scopes, with the plan a binding needs for the records that followed the scope's previous
 * workflow.
 *
 * <p>Migrations are set-based: per mapped state one {@code INSERT ... SELECT} writes the history
 * entries and one {@code UPDATE} moves the records and bumps their versions, so that an action
 * that read a record before the migration loses with a 409 instead of landing on the old
 * workflow. The record table is locked in share mode for the migration (readers go on, writers
 * wait), so that the states counted and validated are the states moved. The SQL is Derby's (as
 * are the migrations): {@code NEXT VALUE FOR} takes history ids from the sequence JPA uses, each
 * value being the end of a block JPA never hands out, so the two never collide.
 */
final class WorkflowScopes {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    static final String SYSTEM = "system";
    static final String MIGRATE = "migrate";

    private final Transactions tx;
    private final LongFunction<WorkflowDefinition> definitions;
    private final Clock clock;

    WorkflowScopes(Transactions tx, LongFunction<WorkflowDefinition> definitions, Clock clock) {
        this.tx = tx;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** Some records of the record table: a WHERE clause and its parameters. */
    private record Selection(String where, List<Object> params) {

        static Selection of(String where, Object... params) {
            return new Selection(where, List.of(params));
        }

        Selection and(String clause, Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(Arrays.asList(more));
            return new Selection(where + " AND " + clause, all);
        }

        Query bind(Query q, int first) {
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(first + i, params.get(i));
            }
            return q;
        }
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
        Selection records = selection;
        String actor = actor(migration.actor());
        long now = clock.millis();
        Map<String, Long> moved = tx.write(em -> {
            lockRecords(em);
            Map<String, Long> counts = countByState(em, records);
            List<FieldError> unmapped = unmapped(counts, migration.stateMap(), target, migration.toWorkflowId(),
                    "stateMap.", null);
            if (!unmapped.isEmpty()) {
                throw new InvalidInputException(unmapped);
            }
            move(em, records, counts, migration.stateMap(), migration.toWorkflowId(), actor,
                    comment(em, fromWorkflowId, migration.toWorkflowId()), now);
            return counts;
        });
        evictRecords();
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
        WorkflowRecordEntity moved = tx.write(em -> {
            WorkflowRecordEntity e = em.find(WorkflowRecordEntity.class, recordId);
            if (e == null) {
                throw NotFoundException.of("workflow record", recordId);
            }
            String from = e.getState();
            String field = state != null ? "state" : "stateMap." + from;
            String to = state != null ? state : map.get(from);
            if (to == null) {
                throw new InvalidInputException(field, "the record is in state '" + from
                        + "': give a state of workflow " + workflowId + ", or map this one to such a state");
            }
            if (target.findState(to).isEmpty()) {
                throw new InvalidInputException(field, "'" + to + "' is no state of workflow " + workflowId);
            }
            String comment = comment(em, e.getWorkflowId(), workflowId) + " (this record only)";
            e.setWorkflowId(workflowId);
            e.setState(to);
            e.setVisibility(RecordVisibility.VISIBLE.ordinal());
            e.setTimeModified(now);
            em.persist(new WorkflowHistoryEntity(e.getId(), MIGRATE, by, false, from, to, now, comment));
            em.flush(); // a lost race surfaces here
            return e;
        });
        AUDIT.info("workflow record {} moved to workflow {} in state {} by {}", recordId, workflowId, moved.getState(),
                by);
        return WorkflowServiceImpl.toValue(moved);
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
        Object[] outcome = new Object[3];
        WorkflowBindingEntity stored;
        try {
            stored = tx.write(em -> {
                lockRecords(em);
                Long previous = effective(em, b.scope() == BindingScope.GLOBAL ? "" : course, activity)
                        .map(WorkflowBindingEntity::getWorkflowId).orElse(null);
                long affected = 0;
                MigrationPlan applied = null;
                if (previous != null && previous != b.workflowId()) {
                    Selection records = following(b.scope(), previous, course, activity);
                    Map<String, Long> counts = countByState(em, records);
                    affected = counts.values().stream().mapToLong(Long::longValue).sum();
                    if (affected > 0) {
                        applied = plan;
                        apply(em, records, counts, previous, b.workflowId(), target, plan, affected, actor, now);
                    }
                }
                WorkflowBindingEntity e = em.createQuery("SELECT b FROM WorkflowBindingEntity b WHERE b.scope = :s "
                        + "AND b.courseId = :c AND b.activityId = :a", WorkflowBindingEntity.class)
                        .setParameter("s", b.scope().code()).setParameter("c", course).setParameter("a", activity)
                        .getResultStream().findFirst().orElse(null);
                if (e == null) {
                    e = new WorkflowBindingEntity();
                    e.setScope(b.scope().code());
                    e.setCourseId(course);
                    e.setActivityId(activity);
                    e.setIdNumeric((b.courseId() != null && b.courseId().numeric()
                            ? WorkflowBindingEntity.COURSE_NUMERIC : 0)
                            | (b.activityId() != null && b.activityId().numeric()
                                    ? WorkflowBindingEntity.ACTIVITY_NUMERIC : 0));
                    em.persist(e);
                }
                e.setWorkflowId(b.workflowId());
                e.setTimeModified(now);
                em.flush(); // two bindings of one new scope racing: the second fails here
                outcome[0] = previous;
                outcome[1] = affected;
                outcome[2] = applied;
                return e;
            });
        } catch (RuntimeException e) { // a PersistenceException, perhaps wrapped by the JPA template
            if (!isConstraintViolation(e)) {
                throw e;
            }
            throw new ConflictException("the scope was bound by another request meanwhile; read its binding and retry");
        }
        evictRecords();
        long affected = (Long) outcome[1];
        AUDIT.info("workflow binding {} {}/{} -> workflow {} by {} (was {}; {} records, plan {})", b.scope().code(),
                course, activity, b.workflowId(), actor, outcome[0], affected, outcome[2]);
        return new BindingChange(toValue(stored), (Long) outcome[0], affected, (MigrationPlan) outcome[2]);
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

    private void apply(EntityManager em, Selection records, Map<String, Long> counts, long previous, long next,
            WorkflowDefinition target, MigrationPlan plan, long affected, String actor, long now) {
        if (plan == null) {
            throw new ConflictException(affected + " records (in states " + counts.keySet() + ") follow workflow "
                    + previous + " in this scope; bind again with a plan: \"plan\": {\"stateMap\": {...}} mapping "
                    + "each of these states to a state of workflow " + next + ", or \"plan\": {\"option\": "
                    + "\"hide\" | \"viewOnly\" | \"moveInitial\"} (moveInitial with a stateMap for the states "
                    + "other than the initial one)");
        }
        String comment = comment(em, previous, next) + " (the scope's workflow changed)";
        if (plan.option() == PlanOption.HIDE || plan.option() == PlanOption.VIEW_ONLY) {
            RecordVisibility visibility = plan.option() == PlanOption.HIDE ? RecordVisibility.HIDDEN
                    : RecordVisibility.VIEW_ONLY;
            String note = "left on workflow " + previous + ", " + visibility.code()
                    + ": the scope now follows workflow " + next;
            insertHistory(em, records, null, plan.option().code(), null, actor, note, now);
            Query update = em.createNativeQuery("UPDATE workflow_record SET visibility = ?, version = version + 1, "
                    + "time_modified = ? WHERE " + records.where());
            update.setParameter(1, visibility.ordinal()).setParameter(2, now);
            records.bind(update, 3).executeUpdate();
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
        move(em, records, counts, map, next, actor, comment, now);
    }

    List<WorkflowBinding> bindings(LmsId courseId, LmsId activityId) {
        List<FieldError> errors = new ArrayList<>();
        checkOptionalId(errors, "courseId", courseId);
        checkOptionalId(errors, "activityId", activityId);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StringBuilder jpql = new StringBuilder("SELECT b FROM WorkflowBindingEntity b WHERE 1 = 1");
        if (courseId != null) {
            jpql.append(" AND b.courseId = :c");
        }
        if (activityId != null) {
            jpql.append(" AND b.activityId = :a");
        }
        jpql.append(" ORDER BY b.courseId, b.activityId, b.id");
        return tx.read(em -> {
            var q = em.createQuery(jpql.toString(), WorkflowBindingEntity.class);
            if (courseId != null) {
                q.setParameter("c", courseId.value());
            }
            if (activityId != null) {
                q.setParameter("a", activityId.value());
            }
            return q.getResultList().stream().map(WorkflowScopes::toValue).collect(Collectors.toList());
        });
    }

    Optional<WorkflowBinding> effective(LmsId courseId, LmsId activityId) {
        if (courseId == null && activityId != null) {
            throw new InvalidInputException("courseId", "is required with an activityId");
        }
        String course = courseId == null ? "" : courseId.value();
        String activity = activityId == null ? "" : activityId.value();
        return tx.read(em -> effective(em, course, activity).map(WorkflowScopes::toValue));
    }

    /** The most specific of the global, the course's and the activity's binding ({@code ""} for none). */
    private static Optional<WorkflowBindingEntity> effective(EntityManager em, String course, String activity) {
        List<WorkflowBindingEntity> candidates = em.createQuery("SELECT b FROM WorkflowBindingEntity b WHERE "
                + "(b.courseId = '' AND b.activityId = '') OR (b.courseId = :c AND b.activityId = '') "
                + "OR (b.courseId = :c AND b.activityId = :a)", WorkflowBindingEntity.class)
                .setParameter("c", course).setParameter("a", activity).getResultList();
        return candidates.stream().filter(b -> course.isEmpty() ? b.getCourseId().isEmpty() : true)
                .filter(b -> activity.isEmpty() ? b.getActivityId().isEmpty() : true)
                .max((x, y) -> Integer.compare(specificity(x), specificity(y)));
    }

    private static int specificity(WorkflowBindingEntity b) {
        return b.getActivityId().isEmpty() ? (b.getCourseId().isEmpty() ? 0 : 1) : 2;
    }

    static WorkflowBinding toValue(WorkflowBindingEntity e) {
        return new WorkflowBinding(e.getId(), BindingScope.fromCode(e.getScope()).orElseThrow(),
                e.getCourseId().isEmpty() ? null
                        : new LmsId(e.getCourseId(), (e.getIdNumeric() & WorkflowBindingEntity.COURSE_NUMERIC) != 0),
                e.getActivityId().isEmpty() ? null
                        : new LmsId(e.getActivityId(),
                                (e.getIdNumeric() & WorkflowBindingEntity.ACTIVITY_NUMERIC) != 0),
                e.getWorkflowId(), Instant.ofEpochMilli(e.getTimeModified()));
    }

    // ---- set-based moves

    /** Readers go on, writers wait until the migration commits: the states counted are the states moved. */
    private static void lockRecords(EntityManager em) {
        em.createNativeQuery("LOCK TABLE workflow_record IN SHARE MODE").executeUpdate();
    }

    private static Map<String, Long> countByState(EntityManager em, Selection records) {
        Query q = em.createNativeQuery("SELECT state, COUNT(*) FROM workflow_record WHERE " + records.where()
                + " GROUP BY state");
        Map<String, Long> counts = new TreeMap<>();
        for (Object row : records.bind(q, 1).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

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

    private static void move(EntityManager em, Selection records, Map<String, Long> counts, Map<String, String> map,
            long to, String actor, String comment, long now) {
        em.flush();
        for (String from : counts.keySet()) {
            String toState = map.get(from);
            Selection inState = records.and("state = ?", from);
            insertHistory(em, inState, MIGRATE, null, toState, actor, comment, now);
            Query update = em.createNativeQuery("UPDATE workflow_record SET workflow_id = ?, state = ?, "
                    + "visibility = 0, version = version + 1, time_modified = ? WHERE " + inState.where());
            update.setParameter(1, to).setParameter(2, toState).setParameter(3, now);
            inState.bind(update, 4).executeUpdate();
        }
    }

    /**
     * One history entry per selected record: {@code action} from its state to {@code toState} (its
     * own state when {@code null}).
     */
    private static void insertHistory(EntityManager em, Selection records, String migrate, String option,
            String toState, String actor, String comment, long now) {
        String action = migrate != null ? migrate : option;
        Query insert = em.createNativeQuery("INSERT INTO workflow_history (id, record_id, action, actor, "
                + "actor_numeric, from_state, to_state, event_time, comment_text) SELECT NEXT VALUE FOR "
                + "workflow_history_seq, id, CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(255)), 0, state, "
                + (toState == null ? "state" : "CAST(? AS VARCHAR(100))")
                + ", CAST(? AS BIGINT), CAST(? AS VARCHAR(4000)) FROM workflow_record WHERE " + records.where());
        int i = 1;
        insert.setParameter(i++, action).setParameter(i++, actor);
        if (toState != null) {
            insert.setParameter(i++, toState);
        }
        insert.setParameter(i++, now).setParameter(i++, comment);
        records.bind(insert, i).executeUpdate();
    }

    private void evictRecords() {
        tx.read(em -> {
            em.getEntityManagerFactory().getCache().evict(WorkflowRecordEntity.class);
            return null;
        });
    }

    // ---- checks

    private static String comment(EntityManager em, long from, long to) {
        return "migrated from workflow " + from + describe(em, from) + " to workflow " + to + describe(em, to);
    }

    private static String describe(EntityManager em, long id) {
        WorkflowEntity w = em.find(WorkflowEntity.class, id);
        return w == null ? "" : " (version " + w.getVersion() + " of family " + w.getFamilyId() + ")";
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

    /** A unique constraint or foreign key refused the write: another request got there first. */
    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return SYSTEM;
        }
        return actor.length() > 255 ? actor.substring(0, 255) : actor;
    }
}
