package org.campus.core.internal.archive.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.archive.ArchiveJob;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.IdBlocks;

/**
 * The archive service's rows ({@code archive_job}, {@code archive_activity}, {@code archive_upload};
 * V12, V13), through plain JDBC on the caller's connection. The engine's {@code job} row is read for
 * the state, never written here.
 */
final class ArchiveRepository {

    static final String OPEN = "open";
    static final String STARTED = "started";
    static final String PENDING = "pending";
    static final String ARCHIVED = "archived";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    private final IdBlocks jobIds = new IdBlocks("archive_job_seq");
    private final IdBlocks uploadIds = new IdBlocks("archive_upload_seq");

    /** An archive job's own row. */
    record Row(long id, Long jobId, LmsId courseId, String owner, String state, boolean sign, String storage,
            String archiveName, String location, Long size, String sha256, String tokenLocation, String chainLocation,
            Instant timestamped, String tsa, Instant created, Instant stored, Engine engine, LmsId userId) {
    }

    /** What the job engine's row says of the job (read, never written here), or {@code null} before it exists. */
    record Engine(String state, int progress, String reason, Instant ended) {
    }

    /** An activity's row. */
    record ActivityRow(int index, String type, String id, boolean inlineData, String state, String archiver,
            String archiverBundle, String archiverVersion, int entries, String message) {
    }

    /** An upload's row. */
    record UploadRow(long id, int activity, String name, String contentType, long size, boolean complete,
            String sha256) {
    }

    long insert(Connection c, LmsId courseId, String owner, LmsId userId, boolean sign, String storage,
            String archiveNamePrefix, long now, List<ActivityRow> activities) throws SQLException {
        long id = jobIds.next(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_job (id, job_id, course_id, course_numeric,"
                + " owner, state, sign_archive, storage_id, archive_name, time_created, user_id, user_numeric)"
                + " VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, courseId.value());
            ps.setBoolean(3, courseId.numeric());
            ps.setString(4, owner);
            ps.setString(5, OPEN);
            ps.setBoolean(6, sign);
            ps.setString(7, storage);
            ps.setString(8, archiveNamePrefix + id + ".tar.gz");
            ps.setLong(9, now);
            ps.setString(10, userId == null ? null : userId.value());
            ps.setBoolean(11, userId != null && userId.numeric());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_activity (archive_id, activity_index,"
                + " activity_type, activity_id, inline_data, state, entries) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            for (ActivityRow a : activities) {
                ps.setLong(1, id);
                ps.setInt(2, a.index());
                ps.setString(3, a.type());
                ps.setString(4, a.id());
                ps.setBoolean(5, a.inlineData());
                ps.setString(6, PENDING);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    boolean markStarted(Connection c, long id, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE archive_job SET state = ?, job_id = ? WHERE id = ? AND state = ?")) {
            ps.setString(1, STARTED);
            ps.setLong(2, jobId);
            ps.setLong(3, id);
            ps.setString(4, OPEN);
            return ps.executeUpdate() == 1;
        }
    }

    private static final String ROW = "SELECT a.id, a.job_id, a.course_id, a.course_numeric, a.owner, a.state,"
            + " a.sign_archive, a.storage_id, a.archive_name, a.stored_location, a.stored_size, a.stored_sha256,"
            + " a.token_location, a.chain_location, a.timestamp_time, a.timestamp_tsa, a.time_created, a.time_stored,"
            + " a.user_id, a.user_numeric FROM archive_job a";

    /**
     * The row with what the engine's row says. Two statements, not a join: a statement that held the
     * archive_job row while it waited for the job row deadlocked on Derby with a checkpoint, which
     * updates the job row and then the archive_job row in one transaction.
     */
    Optional<Row> find(Connection c, long id) throws SQLException {
        Row row;
        try (PreparedStatement ps = c.prepareStatement(ROW + " WHERE a.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                row = row(r);
            }
        }
        return Optional.of(withEngine(row, row.jobId() == null ? Map.of() : engines(c, List.of(row.jobId()))));
    }

    static Row withEngine(Row r, Map<Long, Engine> engines) {
        Engine e = r.jobId() == null ? null : engines.get(r.jobId());
        return new Row(r.id(), r.jobId(), r.courseId(), r.owner(), r.state(), r.sign(), r.storage(), r.archiveName(),
                r.location(), r.size(), r.sha256(), r.tokenLocation(), r.chainLocation(), r.timestamped(), r.tsa(),
                r.created(), r.stored(), e, r.userId());
    }

    /** The engine's rows of these jobs, in one query. */
    Map<Long, Engine> engines(Connection c, List<Long> jobIds) throws SQLException {
        Map<Long, Engine> out = new HashMap<>();
        if (jobIds.isEmpty()) {
            return out;
        }
        String in = String.join(", ", java.util.Collections.nCopies(jobIds.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, state, progress, reason, time_ended FROM job WHERE id IN (" + in + ")")) {
            for (int i = 0; i < jobIds.size(); i++) {
                ps.setLong(i + 1, jobIds.get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), new Engine(r.getString(2), r.getInt(3), r.getString(4), instant(r, 5)));
                }
            }
        }
        return out;
    }

    Optional<Row> findByJob(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROW + " WHERE a.job_id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    /** Newest first, after the cursor position; {@code limit + 1} rows to tell whether there is more. */
    List<Row> list(Connection c, String courseId, String owner, String userId, Long afterTime, Long afterId,
            int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(ROW).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (courseId != null) {
            sql.append(" AND a.course_id = ?");
            args.add(courseId);
        }
        if (owner != null) {
            sql.append(" AND a.owner = ?");
            args.add(owner);
        }
        if (userId != null) {
            sql.append(" AND a.user_id = ?");
            args.add(userId);
        }
        if (afterTime != null) {
            sql.append(" AND a.time_created <= ? AND (a.time_created < ? OR a.id < ?)");
            args.add(afterTime);
            args.add(afterTime);
            args.add(afterId);
        }
        sql.append(" ORDER BY a.time_created DESC, a.id DESC FETCH FIRST ? ROWS ONLY");
        args.add(limit + 1);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof String s) {
                    ps.setString(i + 1, s);
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setInt(i + 1, (Integer) a);
                }
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
            Map<Long, Engine> engines = engines(c, rows.stream().map(Row::jobId).filter(j -> j != null).toList());
            return rows.stream().map(r -> withEngine(r, engines)).toList();
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        long jobId = r.getLong(2);
        Long job = r.wasNull() ? null : jobId;
        long size = r.getLong(11);
        Long stored = r.wasNull() ? null : size;
        String user = r.getString(19);
        return new Row(r.getLong(1), job, new LmsId(r.getString(3), r.getBoolean(4)), r.getString(5), r.getString(6),
                r.getBoolean(7), r.getString(8), r.getString(9), r.getString(10), stored, trim(r.getString(12)),
                r.getString(13), r.getString(14), instant(r, 15), r.getString(16), instant(r, 17), instant(r, 18),
                null, user == null ? null : new LmsId(user, r.getBoolean(20)));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    List<ActivityRow> activities(Connection c, long id) throws SQLException {
        return activities(c, List.of(id)).getOrDefault(id, List.of());
    }

    /** The activities of several jobs in one query. */
    Map<Long, List<ActivityRow>> activities(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<ActivityRow>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT archive_id, activity_index, activity_type, activity_id,"
                + " inline_data, state, archiver, archiver_bundle, archiver_version, entries, message FROM archive_activity WHERE archive_id IN (" + in
                + ") ORDER BY archive_id, activity_index")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new ActivityRow(r.getInt(2),
                            r.getString(3), r.getString(4), r.getBoolean(5), r.getString(6), r.getString(7),
                            r.getString(8), r.getString(9), r.getInt(10), r.getString(11)));
                }
            }
        }
        return out;
    }

    static void recordActivity(Connection c, long id, int index, String state, String archiver, String bundle,
            String version, int entries, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_activity SET state = ?, archiver = ?, archiver_bundle = ?,"
                + " archiver_version = ?, entries = ?, message = ? WHERE archive_id = ? AND activity_index = ?")) {
            ps.setString(1, state);
            ps.setString(2, archiver);
            ps.setString(3, cut(bundle, 255));
            ps.setString(4, cut(version, 64));
            ps.setInt(5, entries);
            ps.setString(6, cut(message, 4000));
            ps.setLong(7, id);
            ps.setInt(8, index);
            ps.executeUpdate();
        }
    }

    /** The assembled archive's size, and its SHA-256 when it was computed then (signed archives); else null. */
    static void recordAssembled(Connection c, long id, long size, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE archive_job SET stored_size = ?, stored_sha256 = ? WHERE id = ?")) {
            ps.setLong(1, size);
            ps.setString(2, sha256);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static void recordTimestamp(Connection c, long id, Instant time, String tsa) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE archive_job SET timestamp_time = ?, timestamp_tsa = ? WHERE id = ?")) {
            ps.setLong(1, time.toEpochMilli());
            ps.setString(2, cut(tsa, 1024));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    static void recordStored(Connection c, long id, String location, long size, String sha256, String tokenLocation,
            String chainLocation, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_job SET stored_location = ?, token_location = ?,"
                + " chain_location = ?, time_stored = ?, stored_size = ?, stored_sha256 = ? WHERE id = ?")) {
            ps.setString(1, location);
            ps.setString(2, tokenLocation);
            ps.setString(3, chainLocation);
            ps.setLong(4, now);
            ps.setLong(5, size);
            ps.setString(6, sha256);
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    /** Clears what a former attempt recorded past the activities, when its work files are gone. */
    static void resetAssembly(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_job SET stored_size = NULL, stored_sha256 = NULL,"
                + " timestamp_time = NULL, timestamp_tsa = NULL WHERE id = ? AND stored_location IS NULL")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM archive_upload WHERE archive_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM archive_job WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    // ---- uploads

    Map<Integer, List<UploadRow>> uploads(Connection c, long id) throws SQLException {
        Map<Integer, List<UploadRow>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, activity_index, name, content_type, file_size, complete,"
                + " sha256 FROM archive_upload WHERE archive_id = ? ORDER BY activity_index, time_created, id")) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    UploadRow u = new UploadRow(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4), r.getLong(5),
                            r.getBoolean(6), trim(r.getString(7)));
                    out.computeIfAbsent(u.activity(), k -> new ArrayList<>()).add(u);
                }
            }
        }
        return out;
    }

    Optional<UploadRow> upload(Connection c, long id, int activity, String nameKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, activity_index, name, content_type, file_size, complete,"
                + " sha256 FROM archive_upload WHERE archive_id = ? AND activity_index = ? AND name_key = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, activity);
            ps.setString(3, nameKey);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(new UploadRow(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4),
                        r.getLong(5), r.getBoolean(6), trim(r.getString(7)))) : Optional.empty();
            }
        }
    }

    int countUploads(Connection c, long id, int activity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM archive_upload WHERE archive_id = ? AND activity_index = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, activity);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    long insertUpload(Connection c, long id, int activity, String name, String nameKey, String contentType, long now)
            throws SQLException {
        long uploadId = uploadIds.next(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_upload (id, archive_id, activity_index, name,"
                + " name_key, content_type, file_size, complete, time_created) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            ps.setLong(1, uploadId);
            ps.setLong(2, id);
            ps.setInt(3, activity);
            ps.setString(4, name);
            ps.setString(5, nameKey);
            ps.setString(6, contentType);
            ps.setBoolean(7, false);
            ps.setLong(8, now);
            ps.executeUpdate();
        }
        return uploadId;
    }

    /** Records a chunk appended at {@code offset}; false when another request moved the size meanwhile. */
    static boolean recordChunk(Connection c, long uploadId, long offset, long size, boolean complete, String sha256)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_upload SET file_size = ?, complete = ?, sha256 = ?"
                + " WHERE id = ? AND file_size = ? AND complete = ?")) {
            ps.setLong(1, size);
            ps.setBoolean(2, complete);
            ps.setString(3, sha256);
            ps.setLong(4, uploadId);
            ps.setLong(5, offset);
            ps.setBoolean(6, false);
            return ps.executeUpdate() == 1;
        }
    }

    /** Archive jobs of an owner (privacy export and erasure); ids newest first. */
    List<Long> idsOfOwner(Connection c, String owner) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM archive_job WHERE owner = ? ORDER BY time_created DESC, id DESC")) {
            ps.setString(1, owner);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Archive jobs made for an LMS user (privacy export and erasure); ids newest first. */
    List<Long> idsOfUser(Connection c, String userId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM archive_job WHERE user_id = ? ORDER BY time_created DESC, id DESC")) {
            ps.setString(1, userId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** A user's jobs in id order after {@code afterId}, at most {@code limit} (a transfer's traversal). */
    List<Row> ofUser(Connection c, String userId, long afterId, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                ROW + " WHERE a.user_id = ? AND a.id > ? ORDER BY a.id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, userId);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
        }
        Map<Long, Engine> engines = engines(c, rows.stream().map(Row::jobId).filter(j -> j != null).toList());
        return rows.stream().map(r -> withEngine(r, engines)).toList();
    }

    /** Gives the job to {@code to} when it belongs to {@code from} now; whether it did. */
    static boolean reassignUser(Connection c, long id, String from, LmsId to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE archive_job SET user_id = ?, user_numeric = ? WHERE id = ? AND user_id = ?")) {
            ps.setString(1, to.value());
            ps.setBoolean(2, to.numeric());
            ps.setLong(3, id);
            ps.setString(4, from);
            return ps.executeUpdate() == 1;
        }
    }

    /** The LMS user of each of these jobs that has one, in one query. */
    Map<Long, LmsId> users(Connection c, List<Long> ids) throws SQLException {
        Map<Long, LmsId> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, user_id, user_numeric FROM archive_job WHERE user_id IS NOT NULL AND id IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.put(r.getLong(1), new LmsId(r.getString(2), r.getBoolean(3)));
                }
            }
        }
        return out;
    }

    /** An erased user: the job keeps no LMS user. */
    static void clearUser(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE archive_job SET user_id = NULL, user_numeric = ? WHERE id = ?")) {
            ps.setBoolean(1, false);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    List<Long> idsOfCourse(Connection c, String courseId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM archive_job WHERE course_id = ?")) {
            ps.setString(1, courseId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    static boolean markCancelled(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_job SET state = ? WHERE id = ? AND state = ?")) {
            ps.setString(1, CANCELLED);
            ps.setLong(2, id);
            ps.setString(3, OPEN);
            return ps.executeUpdate() == 1;
        }
    }

    static void anonymizeOwner(Connection c, long id, String replacement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_job SET owner = ? WHERE id = ?")) {
            ps.setString(1, replacement);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
