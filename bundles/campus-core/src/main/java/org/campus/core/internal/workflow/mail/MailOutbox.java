package org.campus.core.internal.workflow.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.campus.api.FieldError;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.MailStatus;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowMail;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.IdBlocks;
import org.campus.core.internal.workflow.model.FieldPath;
import org.campus.core.internal.workflow.model.MailAddresses;
import org.campus.core.internal.workflow.model.MailTemplate;

/**
 * The one repository of the notification mail outbox ({@code workflow_mail}), in plain JDBC. An
 * action's mails are written in the action's own transaction, on its connection ({@link #enqueue}):
 * the rows exist exactly when the action committed, and nothing about mail can make the action fail
 * once its input was checked ({@link #checkRequest}). {@link WorkflowMailSender} claims, sends and
 * marks them through the other methods here. A record's mails go with it (the foreign key cascades);
 * {@link #deleteOfActor} erases those of a user's actions.
 */
public final class MailOutbox {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public static final String KIND_AUTHOR = "author";
    public static final String KIND_ROLE = "role";
    public static final String KIND_ADDRESS = "address";

    /** At most this many addresses in one action request, over all roles and the author. */
    public static final int MAX_REQUEST_ADDRESSES = 1000;
    /** A rendered subject is cut to this length (the template is at most 255, values can be long). */
    static final int MAX_SUBJECT = 900;
    static final int MAX_ROLE = 255;

    /** The columns {@link #mail(ResultSet)} reads. */
    static final String COLUMNS = "id, record_id, history_id, recipient_kind, recipient_role, recipient,"
            + " subject, body, status, attempts, next_attempt, last_error, time_created, time_sent";
    private static final String INSERT = "INSERT INTO workflow_mail (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, ?, NULL)";

    private final IdBlocks ids = new IdBlocks("workflow_mail_seq");

    /** A mail to write: {@code recipient} is {@code null} while the LMS has yet to name it. */
    private record NewMail(String kind, String role, String recipient, String subject, String body) {
    }

    /** What is wrong with the recipient addresses an action request carries, by field. */
    public static List<FieldError> checkRequest(ActionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.authorAddress() != null) {
            String problem = MailAddresses.problem(request.authorAddress());
            if (problem != null) {
                errors.add(new FieldError("authorAddress", problem));
            }
        }
        int count = 0;
        for (Map.Entry<String, List<String>> entry : request.roleAddresses().entrySet()) {
            String path = FieldPath.key("roleAddresses", entry.getKey());
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                errors.add(new FieldError(path, "role name must not be blank"));
            } else if (entry.getKey().length() > MAX_ROLE) {
                errors.add(new FieldError(path, "role name is longer than " + MAX_ROLE + " characters"));
            }
            if (entry.getValue() == null) {
                errors.add(new FieldError(path, "must be a list of addresses"));
                continue;
            }
            for (int i = 0; i < entry.getValue().size(); i++) {
                String problem = MailAddresses.problem(entry.getValue().get(i));
                if (problem != null) {
                    errors.add(new FieldError(FieldPath.index(path, i), problem));
                }
            }
            count += entry.getValue().size();
        }
        if (count > MAX_REQUEST_ADDRESSES) {
            errors.add(new FieldError("roleAddresses", "holds more than " + MAX_REQUEST_ADDRESSES + " addresses"));
        }
        return errors;
    }

    /**
     * Writes one pending mail per recipient of the action's notifications, on the action's
     * connection, as one JDBC batch. Recipients the request names are written with their address;
     * the author or a role it does not name get a row without address, which the sender completes by
     * asking the LMS.
     *
     * @param request checked with {@link #checkRequest} before
     * @return how many rows were written
     */
    public int enqueue(Connection c, WorkflowDefinition definition, ActionDef action, WorkflowRecord record,
            long historyId, String from, ActionRequest request, long now) throws SQLException {
        if (action.notifications().isEmpty()) {
            return 0;
        }
        Map<String, String> values = values(definition, action, record, from, request);
        List<NewMail> rows = new ArrayList<>();
        for (Notification n : action.notifications()) {
            String subject = cut(MailTemplate.render(n.subject(), values, true), MAX_SUBJECT);
            String body = MailTemplate.render(n.body(), values, false);
            if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
                throw new IllegalStateException("a rendered subject has a line break"); // cannot happen: values are folded
            }
            Set<String> seen = new LinkedHashSet<>(); // one mail per address and notification
            if (n.author()) {
                if (request.authorAddress() != null) {
                    addIfNew(rows, seen, KIND_AUTHOR, null, request.authorAddress(), subject, body);
                } else {
                    rows.add(new NewMail(KIND_AUTHOR, null, null, subject, body));
                }
            }
            for (String role : n.roles()) {
                List<String> given = request.roleAddresses().get(role);
                if (given == null) {
                    rows.add(new NewMail(KIND_ROLE, role, null, subject, body));
                } else {
                    for (String address : given) {
                        addIfNew(rows, seen, KIND_ROLE, role, address, subject, body);
                    }
                }
            }
            for (String address : n.addresses()) {
                addIfNew(rows, seen, KIND_ADDRESS, null, address, subject, body);
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (NewMail m : rows) {
                setPending(c, ps, record.id(), historyId, m.kind(), m.role(), m.recipient(), m.subject(), m.body(),
                        now, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private static void addIfNew(List<NewMail> rows, Set<String> seen, String kind, String role, String address,
            String subject, String body) {
        String canonical = MailAddresses.parse(address).getAddress().toLowerCase(Locale.ROOT);
        if (seen.add(canonical)) {
            rows.add(new NewMail(kind, role, address.strip(), subject, body));
        }
    }

    private void setPending(Connection c, PreparedStatement ps, long recordId, long historyId, String kind,
            String role, String recipient, String subject, String body, long nextAttempt, long created)
            throws SQLException {
        ps.setLong(1, ids.next(c));
        ps.setLong(2, recordId);
        ps.setLong(3, historyId);
        ps.setString(4, kind);
        setNullable(ps, 5, role);
        setNullable(ps, 6, recipient);
        ps.setString(7, subject);
        ps.setString(8, body);
        ps.setString(9, PENDING);
        ps.setLong(10, nextAttempt);
        ps.setLong(11, created);
    }

    // ---- the sender's side

    /** At most {@code limit} pending mails due at {@code now}, the longest due first. */
    List<WorkflowMail> due(Connection c, long now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM workflow_mail"
                + " WHERE status = ? AND next_attempt <= ? ORDER BY next_attempt, id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, PENDING);
            ps.setLong(2, now);
            ps.setInt(3, limit);
            return mails(ps);
        }
    }

    /** When the next pending mail is due, or {@code null} when none is pending. */
    Long nextDue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt) FROM workflow_mail WHERE status = ?")) {
            ps.setString(1, PENDING);
            try (ResultSet r = ps.executeQuery()) {
                if (r.next()) {
                    long next = r.getLong(1);
                    return r.wasNull() ? null : next;
                }
                return null;
            }
        }
    }

    /**
     * Claims a pending mail for one attempt: counts the attempt and leases the mail until
     * {@code leaseUntil}, if nobody claimed it since it was read. Two senders on one database never
     * send one mail at the same time.
     *
     * @return whether this sender has it
     */
    boolean claim(Connection c, WorkflowMail mail, long leaseUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE workflow_mail SET attempts = ?, next_attempt = ?"
                + " WHERE id = ? AND status = ? AND attempts = ?")) {
            ps.setInt(1, mail.attempts() + 1);
            ps.setLong(2, leaseUntil);
            ps.setLong(3, mail.id());
            ps.setString(4, PENDING);
            ps.setInt(5, mail.attempts());
            return ps.executeUpdate() == 1;
        }
    }

    /** The outcome of an attempt: its status, error, next attempt (or time given up) and time sent. */
    void update(Connection c, long id, String status, String error, long nextAttempt, Long sent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE workflow_mail SET status = ?, last_error = ?,"
                + " next_attempt = ?, time_sent = ? WHERE id = ?")) {
            ps.setString(1, status);
            setNullable(ps, 2, error);
            ps.setLong(3, nextAttempt);
            if (sent == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, sent);
            }
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    /** The LMS named the addresses of a mail written without one: it goes to the first, a copy to each other. */
    void addressed(Connection c, WorkflowMail mail, List<String> addresses, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE workflow_mail SET recipient = ? WHERE id = ?")) {
            ps.setString(1, addresses.get(0));
            ps.setLong(2, mail.id());
            ps.executeUpdate();
        }
        if (addresses.size() > 1) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (String address : addresses.subList(1, addresses.size())) {
                    setPending(c, ps, mail.recordId(), mail.historyId(), mail.recipientKind(), mail.role(), address,
                            mail.subject(), mail.body(), now, mail.created().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** A record's mails, oldest first. */
    List<WorkflowMail> ofRecord(Connection c, long recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM workflow_mail WHERE record_id = ? ORDER BY time_created, id")) {
            ps.setLong(1, recordId);
            return mails(ps);
        }
    }

    /** At most {@code limit} mails given up after {@code after}, newest first (time created, then id). */
    List<WorkflowMail> failed(Connection c, Cursors.Position after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM workflow_mail WHERE status = ?"
                + (after == null ? "" : " AND " + Cursors.keysetDesc("time_created", "id"))
                + " ORDER BY time_created DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
            int i = 1;
            ps.setString(i++, FAILED);
            if (after != null) {
                i = Cursors.bind(ps, i, after);
            }
            ps.setInt(i, limit);
            return mails(ps);
        }
    }

    /** Deletes the mails of the actions a user performed (their texts may name the user); returns how many. */
    public int deleteOfActor(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM workflow_mail WHERE history_id IN"
                + " (SELECT id FROM workflow_history WHERE actor = ?)")) {
            ps.setString(1, userId);
            return ps.executeUpdate();
        }
    }

    private static List<WorkflowMail> mails(PreparedStatement ps) throws SQLException {
        List<WorkflowMail> mails = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                mails.add(mail(r));
            }
        }
        return mails;
    }

    private static WorkflowMail mail(ResultSet r) throws SQLException {
        String status = r.getString("status");
        long sent = r.getLong("time_sent");
        boolean neverSent = r.wasNull();
        return new WorkflowMail(r.getLong("id"), r.getLong("record_id"), r.getLong("history_id"),
                r.getString("recipient_kind"), r.getString("recipient_role"), r.getString("recipient"),
                r.getString("subject"), r.getString("body"), MailStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                r.getInt("attempts"), PENDING.equals(status) ? Instant.ofEpochMilli(r.getLong("next_attempt")) : null,
                r.getString("last_error"), Instant.ofEpochMilli(r.getLong("time_created")),
                neverSent ? null : Instant.ofEpochMilli(sent));
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** The placeholder values of {@link Notification#PLACEHOLDERS}. */
    static Map<String, String> values(WorkflowDefinition definition, ActionDef action, WorkflowRecord record,
            String from, ActionRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("record.id", Long.toString(record.id()));
        values.put("record.lmsRecordId", record.lmsRecordId().value());
        values.put("record.courseId", record.courseId().value());
        values.put("record.activityId", record.activityId().value());
        values.put("record.authorId", record.authorId().value());
        values.put("action.id", action.id());
        values.put("action.title", action.title());
        values.put("actor", request.userId().value());
        values.put("from", from);
        values.put("to", action.to());
        values.put("from.title", definition.findState(from).map(StateDef::title).orElse(from));
        values.put("to.title", definition.findState(action.to()).map(StateDef::title).orElse(action.to()));
        values.put("comment", request.comment() == null ? "" : request.comment());
        values.put("workflow.id", Long.toString(record.workflowId()));
        values.put("workflow.title", definition.title());
        return values;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
