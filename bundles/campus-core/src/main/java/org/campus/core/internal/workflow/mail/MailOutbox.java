package org.campus.core.internal.workflow.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.campus.api.FieldError;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.workflow.model.FieldPath;
import org.campus.core.internal.workflow.model.MailAddresses;
import org.campus.core.internal.workflow.model.MailTemplate;

/**
 * Writes the notification mails of a performed action into the outbox table, inside the action's own
 * transaction: the rows exist exactly when the action committed, and nothing about mail can make the
 * action fail once its input was checked ({@link #checkRequest}). Sending is
 * {@link WorkflowMailSender}'s business.
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

    private MailOutbox() {
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
     * Persists one pending mail per recipient of the action's notifications. Recipients the request
     * names are written with their address; the author or a role it does not name get a row without
     * address, which the sender completes by asking the LMS.
     *
     * @param request checked with {@link #checkRequest} before
     * @return how many rows were written
     */
    public static int enqueue(EntityManager em, WorkflowDefinition definition, ActionDef action,
            WorkflowRecord record, long historyId, String from, ActionRequest request, long now) {
        if (action.notifications().isEmpty()) {
            return 0;
        }
        Map<String, String> values = values(definition, action, record, from, request);
        int written = 0;
        for (Notification n : action.notifications()) {
            String subject = cut(MailTemplate.render(n.subject(), values, true), MAX_SUBJECT);
            String body = MailTemplate.render(n.body(), values, false);
            if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
                throw new IllegalStateException("a rendered subject has a line break"); // cannot happen: values are folded
            }
            Set<String> seen = new LinkedHashSet<>(); // one mail per address and notification
            List<WorkflowMailEntity> rows = new ArrayList<>();
            if (n.author()) {
                if (request.authorAddress() != null) {
                    addIfNew(rows, seen, record, historyId, KIND_AUTHOR, null, request.authorAddress(), subject, body, now);
                } else {
                    rows.add(new WorkflowMailEntity(record.id(), historyId, KIND_AUTHOR, null, null, subject, body, now));
                }
            }
            for (String role : n.roles()) {
                List<String> given = request.roleAddresses().get(role);
                if (given == null) {
                    rows.add(new WorkflowMailEntity(record.id(), historyId, KIND_ROLE, role, null, subject, body, now));
                } else {
                    for (String address : given) {
                        addIfNew(rows, seen, record, historyId, KIND_ROLE, role, address, subject, body, now);
                    }
                }
            }
            for (String address : n.addresses()) {
                addIfNew(rows, seen, record, historyId, KIND_ADDRESS, null, address, subject, body, now);
            }
            rows.forEach(em::persist);
            written += rows.size();
        }
        return written;
    }

    private static void addIfNew(List<WorkflowMailEntity> rows, Set<String> seen, WorkflowRecord record,
            long historyId, String kind, String role, String address, String subject, String body, long now) {
        String canonical = MailAddresses.parse(address).getAddress().toLowerCase(Locale.ROOT);
        if (seen.add(canonical)) {
            rows.add(new WorkflowMailEntity(record.id(), historyId, kind, role, address.strip(), subject, body, now));
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
