package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.campus.api.job.JobState;
import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.PlanOption;
import org.campus.core.internal.workflow.MigrationSpec.RecordAction;

/**
 * The one repository of migration plans ({@code workflow_migration} and {@code workflow_migration_state}),
 * in plain JDBC, on the caller's connection: a plan is written in the transaction that submits its
 * job, its counts in each batch's transaction (with the job's checkpoint), and it is deleted with
 * its job.
 */
final class MigrationPlans {

    private static final String COLUMNS = "m.job_id, m.from_workflow_id, m.to_workflow_id, m.plan_option, m.scope,"
            + " m.course_id, m.activity_id, m.actor, m.comment_text";

    /** One state of a plan: where its records go, how many it had at submit, how many were changed. */
    record StateCount(String toState, long planned, long done) {
    }

    /**
     * Stores the plan of job {@code spec.jobId()} with the records it covers now, by state: for a
     * move a row per mapped state, for hide or view-only a row per state with records.
     */
    void insert(Connection c, MigrationSpec spec, Map<String, Long> counts, long now) throws SQLException {
        long planned = counts.values().stream().mapToLong(Long::longValue).sum();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflow_migration (job_id, from_workflow_id,"
                + " to_workflow_id, record_action, plan_option, scope, course_id, activity_id, actor, comment_text,"
                + " records_planned, time_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, spec.jobId());
            ps.setLong(2, spec.fromWorkflowId());
            ps.setLong(3, spec.toWorkflowId());
            ps.setString(4, spec.action().code());
            setNullable(ps, 5, spec.plan().option() == null ? null : spec.plan().option().code());
            setNullable(ps, 6, spec.scope() == null ? null : spec.scope().code());
            ps.setString(7, spec.courseId());
            ps.setString(8, spec.activityId());
            ps.setString(9, spec.actor());
            ps.setString(10, spec.comment());
            ps.setLong(11, planned);
            ps.setLong(12, now);
            ps.executeUpdate();
        }
        Map<String, String> states = new TreeMap<>();
        if (spec.action() == RecordAction.MIGRATE) {
            states.putAll(spec.stateMap());
        } else {
            counts.keySet().forEach(s -> states.put(s, s));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflow_migration_state (job_id, from_state,"
                + " to_state, planned, done) VALUES (?, ?, ?, ?, 0)")) {
            for (Map.Entry<String, String> s : states.entrySet()) {
                ps.setLong(1, spec.jobId());
                ps.setString(2, s.getKey());
                ps.setString(3, s.getValue());
                ps.setLong(4, counts.getOrDefault(s.getKey(), 0L));
                ps.addBatch();
            }
            if (!states.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /** The plan of a migration job. */
    Optional<MigrationSpec> find(Connection c, long jobId) throws SQLException {
        List<MigrationSpec> found = specs(c, "SELECT " + COLUMNS + " FROM workflow_migration m WHERE m.job_id = ?",
                jobId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** How many records the plan covered at submit. */
    long planned(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT records_planned FROM workflow_migration WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /** The plan's states: where each goes, how many records it had at submit, how many were changed. */
    Map<String, StateCount> counts(Connection c, long jobId) throws SQLException {
        Map<String, StateCount> counts = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT from_state, to_state, planned, done FROM"
                + " workflow_migration_state WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), new StateCount(r.getString(2), r.getLong(3), r.getLong(4)));
                }
            }
        }
        return counts;
    }

    /**
     * Adds the records a batch changed, by their state before. A state the plan did not list (hide or
     * view-only: an action moved records to it meanwhile) gets its row now.
     */
    void addDone(Connection c, long jobId, Map<String, Long> doneByState) throws SQLException {
        for (Map.Entry<String, Long> d : doneByState.entrySet()) {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE workflow_migration_state SET done = done + ?"
                    + " WHERE job_id = ? AND from_state = ?")) {
                ps.setLong(1, d.getValue());
                ps.setLong(2, jobId);
                ps.setString(3, d.getKey());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflow_migration_state (job_id,"
                        + " from_state, to_state, planned, done) VALUES (?, ?, ?, 0, ?)")) {
                    ps.setLong(1, jobId);
                    ps.setString(2, d.getKey());
                    ps.setString(3, d.getKey());
                    ps.setLong(4, d.getValue());
                    ps.executeUpdate();
                }
            }
        }
    }

    /** The migrations whose jobs have not ended (queued or running) and that involve one of the workflows. */
    List<MigrationSpec> unfinished(Connection c, long workflowA, long workflowB) throws SQLException {
        return specs(c, "SELECT " + COLUMNS + " FROM workflow_migration m JOIN job j ON j.id = m.job_id"
                + " WHERE (m.from_workflow_id IN (?, ?) OR m.to_workflow_id IN (?, ?)) AND j.state IN (?, ?)"
                + " ORDER BY m.job_id", workflowA, workflowB, workflowA, workflowB, JobState.QUEUED.code(),
                JobState.RUNNING.code());
    }

    /** The last migration of a binding scope's records to {@code toWorkflowId}, if its job still exists. */
    Optional<MigrationSpec> lastOfScope(Connection c, BindingScope scope, String courseId, String activityId,
            long toWorkflowId) throws SQLException {
        List<MigrationSpec> found = specs(c, "SELECT " + COLUMNS + " FROM workflow_migration m"
                + " WHERE m.to_workflow_id = ? AND m.scope = ? AND m.course_id = ? AND m.activity_id = ?"
                + " ORDER BY m.time_created DESC, m.job_id DESC FETCH FIRST 1 ROWS ONLY", toWorkflowId, scope.code(),
                courseId, activityId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Deletes a job's plan (with its states); returns whether there was one. */
    boolean delete(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM workflow_migration WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            return ps.executeUpdate() > 0;
        }
    }

    private List<MigrationSpec> specs(Connection c, String sql, Object... params) throws SQLException {
        List<MigrationSpec> specs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String option = r.getString(4);
                    String scope = r.getString(5);
                    specs.add(new MigrationSpec(r.getLong(1), r.getLong(2), r.getLong(3),
                            new MigrationPlan(Map.of(), option == null ? null
                                    : PlanOption.fromCode(option).orElseThrow()),
                            scope == null ? null : BindingScope.fromCode(scope).orElseThrow(), r.getString(6),
                            r.getString(7), r.getString(8), r.getString(9)));
                }
            }
        }
        for (int i = 0; i < specs.size(); i++) {
            MigrationSpec s = specs.get(i);
            if (s.action() == RecordAction.MIGRATE) {
                specs.set(i, withStateMap(s, stateMap(c, s.jobId())));
            }
        }
        return specs;
    }

    private static MigrationSpec withStateMap(MigrationSpec s, Map<String, String> map) {
        return new MigrationSpec(s.jobId(), s.fromWorkflowId(), s.toWorkflowId(),
                new MigrationPlan(map, s.plan().option()), s.scope(), s.courseId(), s.activityId(), s.actor(),
                s.comment());
    }

    private static Map<String, String> stateMap(Connection c, long jobId) throws SQLException {
        Map<String, String> map = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT from_state, to_state FROM workflow_migration_state"
                + " WHERE job_id = ? AND to_state IS NOT NULL ORDER BY from_state")) {
            ps.setLong(1, jobId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    map.put(r.getString(1), r.getString(2));
                }
            }
        }
        return map;
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
