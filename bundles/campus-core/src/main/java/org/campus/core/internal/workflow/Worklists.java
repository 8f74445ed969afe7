package org.campus.core.internal.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.Worklist;
import org.campus.api.workflow.WorklistItem;
import org.campus.api.workflow.WorklistQuery;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.Transactions;
import org.campus.core.internal.workflow.model.PermissionResolver;

/**
 * Worklists without scanning a course: which (workflow, state) pairs offer the roles an action is
 * worked out in memory from the cached definitions; then, per pair, two index-only queries on
 * {@code (course_id, workflow_id, state, visibility, activity_id, id)}: the ids of at most a page
 * of the course's (or activity's) visible records in that state after the cursor, and their counts
 * by activity. The ids of all pairs are merged in id order and only the page's rows are read, in
 * one query; a row that changed state in between is left out, as it is no longer waiting. Actions
 * only the author may perform (role {@code author}, or an author-only guard) do not put a record on
 * a worklist: a worklist is for holders of the roles, not for authors.
 */
final class Worklists {

    /**
     * Derby's optimizer override (a comment elsewhere, so the SQL stays portable): without index
     * statistics Derby may prefer the course's or activity's own index and read every row it holds.
     */
    private static final String INDEX = "--DERBY-PROPERTIES index=IX_WF_RECORD_WORKLIST\n";

    private static final String COLUMNS = "id, workflow_id, lms_record_id, course_id, activity_id, author_id, "
            + "id_numeric, state, time_created, time_modified, version, visibility";

    private final Transactions tx;
    private final LongFunction<WorkflowDefinition> definitions;
    private final Map<Long, PermissionResolver> resolvers = new ConcurrentHashMap<>();

    Worklists(Transactions tx, LongFunction<WorkflowDefinition> definitions) {
        this.tx = tx;
        this.definitions = definitions;
    }

    /** A state of a workflow from which the roles may perform these actions. */
    private record Pair(long workflowId, String state, List<String> actions) {
        String key() {
            return key(workflowId, state);
        }

        static String key(long workflowId, String state) {
            return workflowId + "/" + state;
        }
    }

    Worklist worklist(WorklistQuery query, PageRequest page) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "courseId", query.courseId(), true);
        checkId(errors, "activityId", query.activityId(), false);
        for (int i = 0; i < query.roles().size(); i++) {
            String role = query.roles().get(i);
            if (role == null || role.isBlank() || role.length() > 255) {
                errors.add(new FieldError("roles[" + i + "]", "must be 1 to 255 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Long cursor = Cursors.decodeId(page.cursor());
        long after = cursor == null ? 0 : cursor;
        int limit = page.limit();
        String course = query.courseId().value();
        String activity = query.activityId() == null ? null : query.activityId().value();
        return tx.read(em -> {
            List<Pair> pairs = pairs(em, query.roles());
            Map<String, Pair> byKey = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            Map<String, Long> byState = new TreeMap<>();
            Map<String, Long> byActivity = new TreeMap<>();
            long total = 0;
            for (Pair p : pairs) {
                byKey.put(p.key(), p);
                for (Object id : pageIds(em, p, course, activity, after, limit + 1)) {
                    ids.add(((Number) id).longValue());
                }
                for (Object row : counts(em, p, course, activity)) {
                    Object[] r = (Object[]) row;
                    long n = ((Number) r[1]).longValue();
                    total += n;
                    byState.merge(p.state(), n, Long::sum);
                    byActivity.merge((String) r[0], n, Long::sum);
                }
            }
            Collections.sort(ids);
            boolean more = ids.size() > limit;
            List<Long> pageIds = more ? ids.subList(0, limit) : ids;
            List<WorklistItem> items = new ArrayList<>(pageIds.size());
            for (WorkflowRecord r : rows(em, pageIds)) {
                Pair p = byKey.get(Pair.key(r.workflowId(), r.state()));
                if (p != null && r.visibility() == RecordVisibility.VISIBLE) {
                    items.add(new WorklistItem(r, p.actions()));
                }
            }
            String next = more ? Cursors.afterId(pageIds.get(pageIds.size() - 1)) : null;
            return new Worklist(items, total, byState, byActivity, next);
        });
    }

    /** Every (workflow, state) with an action the roles (not as authors) may perform. */
    private List<Pair> pairs(EntityManager em, List<String> roles) {
        List<Long> ids = em.createQuery("SELECT w.id FROM WorkflowEntity w ORDER BY w.id", Long.class)
                .getResultList();
        List<Pair> pairs = new ArrayList<>();
        for (long id : ids) {
            PermissionResolver resolver = resolvers.computeIfAbsent(id,
                    key -> new PermissionResolver(definitions.apply(key)));
            for (StateDef state : resolver.definition().states()) {
                if (state == null || state.id() == null) {
                    continue;
                }
                List<String> actions = resolver.allowedActions(state.id(), roles, false).stream().map(ActionDef::id)
                        .toList();
                if (!actions.isEmpty()) {
                    pairs.add(new Pair(id, state.id(), actions));
                }
            }
        }
        return pairs;
    }

    private static List<?> pageIds(EntityManager em, Pair p, String course, String activity, long after, int rows) {
        Query q = em.createNativeQuery("SELECT id FROM workflow_record " + INDEX + "WHERE course_id = ?"
                + " AND workflow_id = ? AND state = ? AND visibility = 0"
                + (activity == null ? "" : " AND activity_id = ?") + " AND id > ? ORDER BY id FETCH FIRST "
                + rows + " ROWS ONLY");
        int i = 1;
        q.setParameter(i++, course).setParameter(i++, p.workflowId()).setParameter(i++, p.state());
        if (activity != null) {
            q.setParameter(i++, activity);
        }
        q.setParameter(i, after);
        return q.getResultList();
    }

    private static List<?> counts(EntityManager em, Pair p, String course, String activity) {
        Query q = em.createNativeQuery("SELECT activity_id, COUNT(*) FROM workflow_record " + INDEX
                + "WHERE course_id = ? AND workflow_id = ? AND state = ? AND visibility = 0"
                + (activity == null ? "" : " AND activity_id = ?") + " GROUP BY activity_id");
        q.setParameter(1, course).setParameter(2, p.workflowId()).setParameter(3, p.state());
        if (activity != null) {
            q.setParameter(4, activity);
        }
        return q.getResultList();
    }

    /** The records of a page by id, in id order, as they are now. */
    private static List<WorkflowRecord> rows(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM workflow_record WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY id");
        for (int i = 0; i < ids.size(); i++) {
            q.setParameter(i + 1, ids.get(i));
        }
        List<WorkflowRecord> records = new ArrayList<>(ids.size());
        for (Object row : q.getResultList()) {
            records.add(record((Object[]) row));
        }
        return records;
    }

    private static WorkflowRecord record(Object[] r) {
        int n = ((Number) r[6]).intValue();
        return new WorkflowRecord(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                new LmsId((String) r[2], (n & WorkflowRecordEntity.LMS_RECORD_NUMERIC) != 0),
                new LmsId((String) r[3], (n & WorkflowRecordEntity.COURSE_NUMERIC) != 0),
                new LmsId((String) r[4], (n & WorkflowRecordEntity.ACTIVITY_NUMERIC) != 0),
                new LmsId((String) r[5], (n & WorkflowRecordEntity.AUTHOR_NUMERIC) != 0),
                (String) r[7], Instant.ofEpochMilli(((Number) r[8]).longValue()),
                Instant.ofEpochMilli(((Number) r[9]).longValue()), ((Number) r[10]).longValue(),
                RecordVisibility.values()[((Number) r[11]).intValue()]);
    }

    private static void checkId(List<FieldError> errors, String field, LmsId id, boolean required) {
        if (id == null || id.value().isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (id.value().length() > LmsId.MAX_LENGTH) {
            errors.add(new FieldError(field, "is longer than " + LmsId.MAX_LENGTH + " characters"));
        }
    }
}
