package org.campus.core.internal.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobLogEntry;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobQuery;
import org.campus.api.job.JobState;
import org.campus.api.job.NewJob;
import org.campus.core.internal.db.IdBlocks;
import org.campus.spi.job.JobCheckpoint;

/**
 * The one owner of tables {@code job} and {@code job_log}, in plain JDBC. Every write of an attempt
 * is fenced: it names the attempt and requires the job to be running that attempt, so that an
 * attempt that was superseded (taken for dead, its node cut off) changes nothing.
 */
final class JobRepository {

    static final int MAX_REASON = 4000;
    static final int MAX_STEP = 255;
    static final int MAX_STATE = 32_000;
    static final int MAX_LOG_MESSAGE = 4000;

    private static final String COLUMNS = "id, job_type, owner, state, parameters, progress, steps_total, steps_done,"
            + " current_step, estimated_end, attempt, failed_attempts, checkpoint_step, cancel_requested, node,"
            + " time_created, time_due, time_started, time_ended, time_heartbeat, reason";

    private final DataSource dataSource;
    private final IdBlocks jobIds = new IdBlocks("job_seq");
    private final IdBlocks logIds = new IdBlocks("job_log_seq");

    JobRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    // ---- jobs

    Job insert(Connection c, NewJob job, long now) throws SQLException {
        long id = jobIds.next(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (id, job_type, owner, state, parameters,"
                + " progress, steps_total, steps_done, attempt, failed_attempts, checkpoint_done, cancel_requested,"
                + " time_created, time_due) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 1, 0, 0, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, job.type());
            ps.setString(3, job.owner());
            ps.setString(4, JobState.QUEUED.code());
            ps.setString(5, JobParameters.encode(job.parameters()));
            ps.setBoolean(6, false);
            ps.setLong(7, now);
            ps.setLong(8, now);
            ps.executeUpdate();
        }
        Instant t = Instant.ofEpochMilli(now);
        return new Job(id, job.type(), job.owner(), JobState.QUEUED, 0, 0, 0, null, null, 1, 0, null, false, null,
                job.parameters(), t, t, null, null, null, null);
    }

    Optional<Job> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        }
    }

    Optional<Job> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(toJob(r)) : Optional.empty();
            }
        }
    }

    Page<Job> list(JobQuery query, PageRequest page) throws SQLException {
        TimeIdCursor after = TimeIdCursor.decode(page.cursor());
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM job WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.type() != null) {
            sql.append(" AND job_type = ?");
            args.add(query.type());
        }
        if (query.owner() != null) {
            sql.append(" AND owner = ?");
            args.add(query.owner());
        }
        if (query.state() != null) {
            sql.append(" AND state = ?");
            args.add(query.state().code());
        }
        if (query.createdFrom() != null) {
            sql.append(" AND time_created >= ?");
            args.add(query.createdFrom().toEpochMilli());
        }
        if (query.createdTo() != null) {
            sql.append(" AND time_created < ?");
            args.add(query.createdTo().toEpochMilli());
        }
        if (after != null) {
            sql.append(" AND (time_created < ? OR (time_created = ? AND id < ?))");
            args.add(after.time());
            args.add(after.time());
            args.add(after.id());
        }
        sql.append(" ORDER BY time_created DESC, id DESC");
        List<Job> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, args);
            ps.setMaxRows(page.limit() + 1);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    items.add(toJob(r));
                }
            }
        }
        boolean more = items.size() > page.limit();
        if (more) {
            items = items.subList(0, page.limit());
        }
        Job last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items, more ? new TimeIdCursor(last.created().toEpochMilli(), last.id()).encode() : null);
    }

    Optional<JobCheckpoint> checkpoint(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT checkpoint_step, checkpoint_state, checkpoint_done, checkpoint_attempt, checkpoint_time"
                        + " FROM job WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next() || r.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(new JobCheckpoint(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4),
                        Instant.ofEpochMilli(r.getLong(5))));
            }
        }
    }

    // ---- an attempt's life, each write fenced on (id, attempt, state)

    /** A queued attempt starts on {@code node}; false when it is not the job's current queued attempt. */
    boolean claim(long id, int attempt, String node, long now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE job"
                + " SET state = ?, node = ?, time_heartbeat = ?, time_started = COALESCE(time_started, ?),"
                + " current_step = NULL, estimated_end = NULL, reason = NULL"
                + " WHERE id = ? AND attempt = ? AND state = ? AND cancel_requested = ?")) {
            ps.setString(1, JobState.RUNNING.code());
            ps.setString(2, node);
            ps.setLong(3, now);
            ps.setLong(4, now);
            ps.setLong(5, id);
            ps.setInt(6, attempt);
            ps.setString(7, JobState.QUEUED.code());
            ps.setBoolean(8, false);
            return ps.executeUpdate() == 1;
        }
    }

    /** What a report learnt about the attempt. */
    enum Standing {
        ALIVE, CANCEL_REQUESTED, SUPERSEDED
    }

    /** Writes the attempt's progress and heartbeat, and tells whether it should go on. */
    Standing report(long id, int attempt, Progress progress, long now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job SET progress = ?, steps_total = ?,"
                    + " steps_done = ?, current_step = ?, estimated_end = ?, time_heartbeat = ?"
                    + " WHERE id = ? AND attempt = ? AND state = ?")) {
                bindProgress(ps, 1, progress);
                ps.setLong(6, now);
                ps.setLong(7, id);
                ps.setInt(8, attempt);
                ps.setString(9, JobState.RUNNING.code());
                if (ps.executeUpdate() == 0) {
                    return Standing.SUPERSEDED;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT cancel_requested FROM job WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet r = ps.executeQuery()) {
                    return r.next() && r.getBoolean(1) ? Standing.CANCEL_REQUESTED : Standing.ALIVE;
                }
            }
        }
    }

    /** Records a finished step in the transaction of {@code c}; false (nothing written) when superseded. */
    boolean checkpoint(Connection c, long id, int attempt, String step, String state, Progress progress, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE job SET progress = ?, steps_total = ?,"
                + " steps_done = ?, current_step = ?, estimated_end = ?, time_heartbeat = ?, checkpoint_step = ?,"
                + " checkpoint_state = ?, checkpoint_done = ?, checkpoint_attempt = ?, checkpoint_time = ?"
                + " WHERE id = ? AND attempt = ? AND state = ?")) {
            bindProgress(ps, 1, progress);
            ps.setLong(6, now);
            ps.setString(7, step);
            ps.setString(8, state);
            ps.setInt(9, progress.stepsDone());
            ps.setInt(10, attempt);
            ps.setLong(11, now);
            ps.setLong(12, id);
            ps.setInt(13, attempt);
            ps.setString(14, JobState.RUNNING.code());
            return ps.executeUpdate() == 1;
        }
    }

    /** Ends the running attempt's job as {@code state}; false when the attempt was superseded. */
    boolean end(Connection c, long id, int attempt, JobState state, String reason, long now) throws SQLException {
        return end(c, id, attempt, state, reason, now, null);
    }

    /** As {@link #end(Connection, long, int, JobState, String, long)}, counting the failed attempts too. */
    boolean end(Connection c, long id, int attempt, JobState state, String reason, long now, Integer failedAttempts)
            throws SQLException {
        return end(c, id, attempt, state, reason, now, failedAttempts, null);
    }

    /**
     * As above; with {@code heartbeatAtMost}, only while the attempt has not reported since then (a
     * dead attempt's end must not overtake a report written after it was found silent).
     */
    boolean end(Connection c, long id, int attempt, JobState state, String reason, long now, Integer failedAttempts,
            Long heartbeatAtMost) throws SQLException {
        String progress = state == JobState.COMPLETED ? ", progress = 100, steps_done = steps_total" : "";
        String failed = failedAttempts != null ? ", failed_attempts = " + failedAttempts.intValue() : "";
        String silent = heartbeatAtMost != null ? " AND time_heartbeat <= " + heartbeatAtMost.longValue() : "";
        try (PreparedStatement ps = c.prepareStatement("UPDATE job SET state = ?, reason = ?, time_ended = ?,"
                + " estimated_end = NULL" + progress + failed + " WHERE id = ? AND attempt = ? AND state = ?"
                + silent)) {
            ps.setString(1, state.code());
            ps.setString(2, clip(reason, MAX_REASON));
            ps.setLong(3, now);
            ps.setLong(4, id);
            ps.setInt(5, attempt);
            ps.setString(6, JobState.RUNNING.code());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Queues the job's next attempt: from a running attempt that failed, died or was interrupted,
     * or from a failed job an admin retries. The progress goes back to the last checkpoint's.
     * False when {@code attempt} in {@code from} is not the job's current one.
     */
    boolean requeue(Connection c, long id, int attempt, JobState from, int failedAttempts, long due, String reason)
            throws SQLException {
        return requeue(c, id, attempt, from, failedAttempts, due, reason, null);
    }

    /** As above; with {@code heartbeatAtMost}, only while the attempt has not reported since then. */
    boolean requeue(Connection c, long id, int attempt, JobState from, int failedAttempts, long due, String reason,
            Long heartbeatAtMost) throws SQLException {
        String silent = heartbeatAtMost != null ? " AND time_heartbeat <= " + heartbeatAtMost.longValue() : "";
        try (PreparedStatement ps = c.prepareStatement("UPDATE job SET state = ?, attempt = ?, failed_attempts = ?,"
                + " time_due = ?, reason = ?, time_ended = NULL, estimated_end = NULL, current_step = NULL,"
                + " cancel_requested = ?, steps_done = checkpoint_done, progress = CASE WHEN steps_total > 0 THEN"
                + " checkpoint_done * 100 / steps_total ELSE 0 END"
                + " WHERE id = ? AND attempt = ? AND state = ?" + silent)) {
            ps.setString(1, JobState.QUEUED.code());
            ps.setInt(2, attempt + 1);
            ps.setInt(3, failedAttempts);
            ps.setLong(4, due);
            ps.setString(5, clip(reason, MAX_REASON));
            ps.setBoolean(6, false);
            ps.setLong(7, id);
            ps.setInt(8, attempt);
            ps.setString(9, from.code());
            return ps.executeUpdate() == 1;
        }
    }

    /** Records why a queued attempt has not started yet (no executor for its type). */
    boolean waiting(long id, int attempt, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE job SET reason = ? WHERE id = ? AND attempt = ? AND state = ?")) {
            ps.setString(1, clip(reason, MAX_REASON));
            ps.setLong(2, id);
            ps.setInt(3, attempt);
            ps.setString(4, JobState.QUEUED.code());
            return ps.executeUpdate() == 1;
        }
    }

    /** Ends a queued job (cancelled, or failed before it started); false when it is not queued in that attempt. */
    boolean endQueued(Connection c, long id, int attempt, JobState state, String reason, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE job SET state = ?, reason = ?, time_ended = ?"
                + " WHERE id = ? AND attempt = ? AND state = ?")) {
            ps.setString(1, state.code());
            ps.setString(2, clip(reason, MAX_REASON));
            ps.setLong(3, now);
            ps.setLong(4, id);
            ps.setInt(5, attempt);
            ps.setString(6, JobState.QUEUED.code());
            return ps.executeUpdate() == 1;
        }
    }

    /** Asks the running attempt to stop; false when the job is not running that attempt. */
    boolean requestCancel(Connection c, long id, int attempt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE job SET cancel_requested = ?"
                + " WHERE id = ? AND attempt = ? AND state = ?")) {
            ps.setBoolean(1, true);
            ps.setLong(2, id);
            ps.setInt(3, attempt);
            ps.setString(4, JobState.RUNNING.code());
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes an ended job and its log; false when it is not in {@code state} any more. */
    boolean delete(Connection c, long id, JobState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM job WHERE id = ? AND state = ?")) {
            ps.setLong(1, id);
            ps.setString(2, state.code());
            return ps.executeUpdate() == 1;
        }
    }

    // ---- what the supervisor looks for

    /** A running attempt as the supervisor sees it. */
    record RunningAttempt(long id, int attempt, int failedAttempts, String node, long lastHeartbeat,
            boolean cancelRequested) {
    }

    /** Running attempts that last reported before {@code before}, or (when {@code node} is given) run there. */
    List<RunningAttempt> running(Long before, String node) throws SQLException {
        String sql = "SELECT id, attempt, failed_attempts, node, time_heartbeat, cancel_requested FROM job"
                + " WHERE state = ?" + (before != null ? " AND time_heartbeat < ?" : "")
                + (node != null ? " AND node = ?" : "") + " ORDER BY time_created, id";
        List<RunningAttempt> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, JobState.RUNNING.code());
            if (before != null) {
                ps.setLong(i++, before);
            }
            if (node != null) {
                ps.setString(i, node);
            }
            ps.setMaxRows(500);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    found.add(new RunningAttempt(r.getLong(1), r.getInt(2), r.getInt(3), r.getString(4), r.getLong(5),
                            r.getBoolean(6)));
                }
            }
        }
        return found;
    }

    /** Queued attempts that were due before {@code dueBefore}, oldest first, as {id, attempt}. */
    List<long[]> overdue(long dueBefore) throws SQLException {
        List<long[]> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, attempt FROM job WHERE state = ? AND time_due < ? ORDER BY time_created, id")) {
            ps.setString(1, JobState.QUEUED.code());
            ps.setLong(2, dueBefore);
            ps.setMaxRows(500);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    found.add(new long[] {r.getLong(1), r.getInt(2)});
                }
            }
        }
        return found;
    }

    /** Which of {@code instances} of db-scheduler's task {@code taskName} have an execution (read only). */
    java.util.Set<String> scheduled(String taskName, List<String> instances) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < instances.size(); from += 100) {
                List<String> batch = instances.subList(from, Math.min(instances.size(), from + 100));
                String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT task_instance FROM scheduled_tasks"
                        + " WHERE task_name = ? AND task_instance IN (" + marks + ")")) {
                    ps.setString(1, taskName);
                    for (int i = 0; i < batch.size(); i++) {
                        ps.setString(i + 2, batch.get(i));
                    }
                    try (ResultSet r = ps.executeQuery()) {
                        while (r.next()) {
                            found.add(r.getString(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    // ---- the log

    void log(long jobId, int attempt, JobLogLevel level, String message, long now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            log(c, jobId, attempt, level, message, now);
        }
    }

    void log(Connection c, long jobId, int attempt, JobLogLevel level, String message, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_log (id, job_id, log_time, log_level, attempt,"
                + " message) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, logIds.next(c));
            ps.setLong(2, jobId);
            ps.setLong(3, now);
            ps.setString(4, level.code());
            ps.setInt(5, attempt);
            ps.setString(6, clip(message == null ? "" : message, MAX_LOG_MESSAGE));
            ps.executeUpdate();
        }
    }

    Page<JobLogEntry> log(long jobId, JobLogLevel minLevel, PageRequest page) throws SQLException {
        TimeIdCursor after = TimeIdCursor.decode(page.cursor());
        StringBuilder sql = new StringBuilder("SELECT id, log_time, log_level, attempt, message FROM job_log"
                + " WHERE job_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(jobId);
        if (minLevel != null && minLevel != JobLogLevel.DEBUG) {
            sql.append(" AND log_level IN (");
            for (JobLogLevel l : JobLogLevel.values()) {
                if (l.isAtLeast(minLevel)) {
                    sql.append(args.size() > 1 ? ", ?" : "?");
                    args.add(l.code());
                }
            }
            sql.append(')');
        }
        if (after != null) {
            sql.append(" AND (log_time > ? OR (log_time = ? AND id > ?))");
            args.add(after.time());
            args.add(after.time());
            args.add(after.id());
        }
        sql.append(" ORDER BY log_time, id");
        List<JobLogEntry> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, args);
            ps.setMaxRows(page.limit() + 1);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    items.add(new JobLogEntry(r.getLong(1), jobId, Instant.ofEpochMilli(r.getLong(2)),
                            JobLogLevel.fromCode(r.getString(3)).orElse(JobLogLevel.INFO), r.getInt(4),
                            r.getString(5)));
                }
            }
        }
        boolean more = items.size() > page.limit();
        if (more) {
            items = items.subList(0, page.limit());
        }
        JobLogEntry last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items, more ? new TimeIdCursor(last.time().toEpochMilli(), last.id()).encode() : null);
    }

    // ---- mapping

    private static Job toJob(ResultSet r) throws SQLException {
        return new Job(r.getLong("id"), r.getString("job_type"), r.getString("owner"),
                JobState.fromCode(r.getString("state")).orElseThrow(), r.getInt("progress"), r.getInt("steps_total"),
                r.getInt("steps_done"), r.getString("current_step"), instant(r, "estimated_end"), r.getInt("attempt"),
                r.getInt("failed_attempts"), r.getString("checkpoint_step"), r.getBoolean("cancel_requested"),
                r.getString("node"), JobParameters.decode(r.getString("parameters")), instant(r, "time_created"),
                instant(r, "time_due"), instant(r, "time_started"), instant(r, "time_ended"),
                instant(r, "time_heartbeat"), r.getString("reason"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void bindProgress(PreparedStatement ps, int from, Progress p) throws SQLException {
        ps.setInt(from, p.percent());
        ps.setInt(from + 1, p.stepsTotal());
        ps.setInt(from + 2, p.stepsDone());
        ps.setString(from + 3, clip(p.currentStep(), MAX_STEP));
        if (p.estimatedEnd() == null) {
            ps.setNull(from + 4, Types.BIGINT);
        } else {
            ps.setLong(from + 4, p.estimatedEnd());
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
