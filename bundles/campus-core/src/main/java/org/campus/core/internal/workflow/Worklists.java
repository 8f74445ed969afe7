package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

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
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.db.StoredText;
import org.campus.core.internal.db.SqlDialect;
import org.campus.core.internal.workflow.model.PermissionResolver;

/**
 * Worklists without scanning a course: which (workflow, state) pairs offer the roles an action is
 * worked out in memory from the cached definitions; then, per pair, two index-only queries on
 * {@code (course_id, workflow_id, state, visibility, activity_id, id)}: the ids of at most a page
 * of the course's (or activity's) visible records in that state after the cursor, and their counts
 * by activity. The ids of all pairs are merged in id order and only the page's rows are read, in
 * one query; a row that changed state in between is left out, as it is no longer waiting. A worklist
 * is in id order: a stable order for paging, not a time order (ids come in blocks per node). Actions
 * only the author may perform (role {@code author}, or an author-only guard) do not put a record on
 * a worklist: a worklist is for holders of the roles, not for authors.
 */
final class Worklists {

    /**
     * Derby's optimizer, without index statistics, may prefer the course's or activity's own index and
     * read every row it holds; the dialect names the worklist index for it (PostgreSQL needs no hint).
     */
    private static final String INDEX = "IX_WF_RECORD_WORKLIST";

    private final JdbcTransactions jdbc;
    private final LongFunction<WorkflowDefinition> definitions;
    private final Map<Long, PermissionResolver> resolvers = new ConcurrentHashMap<>();
    private volatile String hint;

    Worklists(JdbcTransactions jdbc, LongFunction<WorkflowDefinition> definitions) {
        this.jdbc = jdbc;
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
        return jdbc.read("reading a worklist", c -> {
            String index = hint(c);
            List<Pair> pairs = pairs(c, query.roles());
            Map<String, Pair> byKey = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            Map<String, Long> byState = new TreeMap<>();
            Map<String, Long> byActivity = new TreeMap<>();
            long total = 0;
            for (Pair p : pairs) {
                byKey.put(p.key(), p);
                ids.addAll(pageIds(c, index, p, course, activity, after, limit + 1));
                for (Map.Entry<String, Long> count : counts(c, index, p, course, activity).entrySet()) {
                    total += count.getValue();
                    byState.merge(p.state(), count.getValue(), Long::sum);
                    byActivity.merge(count.getKey(), count.getValue(), Long::sum);
                }
            }
            Collections.sort(ids);
            boolean more = ids.size() > limit;
            List<Long> pageIds = more ? ids.subList(0, limit) : ids;
            List<WorklistItem> items = new ArrayList<>(pageIds.size());
            for (WorkflowRecord r : rows(c, pageIds)) {
                Pair p = byKey.get(Pair.key(r.workflowId(), r.state()));
                if (p != null && r.visibility() == RecordVisibility.VISIBLE) {
                    items.add(new WorklistItem(r, p.actions()));
                }
            }
            String next = more ? Cursors.afterId(pageIds.get(pageIds.size() - 1)) : null;
            return new Worklist(items, total, byState, byActivity, next);
        });
    }

    private String hint(Connection c) throws SQLException {
        String h = hint;
        if (h == null) {
            h = SqlDialect.of(c).indexHint(INDEX);
            hint = h;
        }
        return h;
    }

    /** Every (workflow, state) with an action the roles (not as authors) may perform. */
    private List<Pair> pairs(Connection c, List<String> roles) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM workflow ORDER BY id");
                ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
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

    private static List<Long> pageIds(Connection c, String index, Pair p, String course, String activity, long after,
            int rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM workflow_record" + index + "WHERE course_id = ?"
                + " AND workflow_id = ? AND state = ? AND visibility = 0"
                + (activity == null ? "" : " AND activity_id = ?") + " AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            int i = 1;
            ps.setString(i++, course);
            ps.setLong(i++, p.workflowId());
            ps.setString(i++, p.state());
            if (activity != null) {
                ps.setString(i++, activity);
            }
            ps.setLong(i++, after);
            ps.setInt(i, rows);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            return ids;
        }
    }

    /** The pair's visible records of the course (or activity), counted by activity. */
    private static Map<String, Long> counts(Connection c, String index, Pair p, String course, String activity)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT activity_id, COUNT(*) FROM workflow_record" + index
                + "WHERE course_id = ? AND workflow_id = ? AND state = ? AND visibility = 0"
                + (activity == null ? "" : " AND activity_id = ?") + " GROUP BY activity_id")) {
            ps.setString(1, course);
            ps.setLong(2, p.workflowId());
            ps.setString(3, p.state());
            if (activity != null) {
                ps.setString(4, activity);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            }
            return counts;
        }
    }

    /** The records of a page by id, in id order, as they are now. */
    private static List<WorkflowRecord> rows(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + WorkflowRecordRepository.COLUMNS
                + " FROM workflow_record WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ") ORDER BY id")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            List<WorkflowRecord> records = new ArrayList<>(ids.size());
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    records.add(WorkflowRecordRepository.record(r, 1));
                }
            }
            return records;
        }
    }

    private static void checkId(List<FieldError> errors, String field, LmsId id, boolean required) {
        if (id == null || id.value().isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (id.value().length() > LmsId.MAX_LENGTH) {
            errors.add(new FieldError(field, "is longer than " + LmsId.MAX_LENGTH + " characters"));
        } else if (StoredText.hasControl(id.value())) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }
}
