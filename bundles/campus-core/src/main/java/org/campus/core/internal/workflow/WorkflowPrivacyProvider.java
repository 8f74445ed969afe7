package org.campus.core.internal.workflow;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.DatabaseException;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.db.Transactions;
import org.campus.core.internal.workflow.mail.MailOutbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Workflow data under the privacy contract: the records a user authored (with their histories) and
 * the actions a user performed on other users' records. Erasing a user deletes their records and
 * removes them as the actor from every other history entry; purging a course deletes its records.
 */
@Component(service = PrivacyProvider.class)
public class WorkflowPrivacyProvider implements PrivacyProvider {

    private final Transactions tx;
    private final JdbcTransactions jdbc;
    private final WorkflowRecordRepository records = new WorkflowRecordRepository();
    private final MailOutbox outbox = new MailOutbox();
    private final BindingRepository bindings = new BindingRepository();

    @Activate
    public WorkflowPrivacyProvider(@Reference(target = "(osgi.unit.name=campus)") JpaTemplate jpa,
            @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(new Transactions(jpa), dataSource);
    }

    WorkflowPrivacyProvider(Transactions tx, DataSource dataSource) {
        this.tx = tx;
        this.jdbc = new JdbcTransactions(dataSource);
    }

    @Override
    public String name() {
        return "workflow";
    }

    @Override
    public String description() {
        return "For each LMS record a user authored under a workflow: the course, activity and record ids, its "
                + "state and its history; and for each workflow action a user performed: the record, the action, "
                + "the states before and after, the time and the user's comment; the notification mails of these "
                + "records and actions (addresses and texts), deleted with them. Workflow definitions, their "
                + "versions and their bindings to courses and activities hold no personal data; a migration's "
                + "history entries name the administrator or API key that asked for it.";
    }

    @Override
    public PersonalData exportUser(String userId) {
        List<Map<String, Object>> out = jdbc.read("exporting a user's workflow data", c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (WorkflowRecord r : records.byAuthor(c, userId)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", "record");
                m.put("id", r.id());
                m.put("workflowId", r.workflowId());
                m.put("lmsRecordId", r.lmsRecordId().value());
                m.put("courseId", r.courseId().value());
                m.put("activityId", r.activityId().value());
                m.put("authorId", r.authorId().value());
                m.put("state", r.state());
                m.put("visibility", r.visibility().code());
                m.put("created", r.created().toString());
                m.put("modified", r.modified().toString());
                rows.add(m);
            }
            for (HistoryEntry v : records.actedBy(c, userId)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", "action");
                m.put("recordId", v.recordId());
                m.put("action", v.action());
                m.put("from", v.from());
                m.put("to", v.to());
                m.put("time", v.time().toString());
                m.put("comment", v.comment());
                rows.add(m);
            }
            return rows;
        });
        return new PersonalData(name(), description(), out);
    }

    @Override
    public int deleteUser(String userId) {
        return jdbc.write("erasing a user's workflow data", c -> {
            int deleted = records.deleteByAuthor(c, userId);
            // notification mails of the user's actions may name the user in their text: they go with the actor
            outbox.deleteOfActor(c, userId);
            records.forgetActor(c, userId);
            return deleted;
        });
    }

    /** The course's records (JDBC) and its bindings (EclipseLink) go together, in one transaction. */
    @Override
    public int deleteCourse(String courseId) {
        return tx.write(em -> {
            try {
                int deleted = records.deleteByCourse(Transactions.connection(em), courseId);
                // the course's bindings (no personal data) go with it: nothing follows them any more
                bindings.deleteCourse(em, courseId);
                return deleted;
            } catch (SQLException e) {
                throw new DatabaseException("purging a course's workflow data failed", e);
            }
        });
    }
}
