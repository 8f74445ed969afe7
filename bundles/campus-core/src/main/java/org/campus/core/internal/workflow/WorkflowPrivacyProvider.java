package org.campus.core.internal.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.Transactions;
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

    @Activate
    public WorkflowPrivacyProvider(@Reference(target = "(osgi.unit.name=campus)") JpaTemplate jpa,
            @Reference CampusSchema schema) {
        this(new Transactions(jpa));
    }

    WorkflowPrivacyProvider(Transactions tx) {
        this.tx = tx;
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
        List<Map<String, Object>> out = tx.read(em -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<WorkflowRecordEntity> records = em.createQuery(
                    "SELECT r FROM WorkflowRecordEntity r WHERE r.authorId = :u ORDER BY r.id", WorkflowRecordEntity.class)
                    .setParameter("u", userId).getResultList();
            for (WorkflowRecordEntity e : records) {
                WorkflowRecord r = WorkflowServiceImpl.toValue(e);
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
            List<WorkflowHistoryEntity> acted = em.createQuery(
                    "SELECT h FROM WorkflowHistoryEntity h WHERE h.actor = :u AND h.action IS NOT NULL ORDER BY h.id", WorkflowHistoryEntity.class)
                    .setParameter("u", userId).getResultList();
            for (WorkflowHistoryEntity h : acted) {
                HistoryEntry v = WorkflowServiceImpl.toValue(h);
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
        return tx.write(em -> {
            int deleted = em.createQuery("DELETE FROM WorkflowRecordEntity r WHERE r.authorId = :u")
                    .setParameter("u", userId).executeUpdate();
            // notification mails of the user's actions may name the user in their text: they go with the actor
            em.createQuery("DELETE FROM WorkflowMailEntity m WHERE m.historyId IN"
                    + " (SELECT h.id FROM WorkflowHistoryEntity h WHERE h.actor = :u)")
                    .setParameter("u", userId).executeUpdate();
            em.createQuery("UPDATE WorkflowHistoryEntity h SET h.actor = NULL, h.actorNumeric = FALSE WHERE h.actor = :u")
                    .setParameter("u", userId).executeUpdate();
            em.getEntityManagerFactory().getCache().evict(WorkflowRecordEntity.class);
            em.getEntityManagerFactory().getCache().evict(WorkflowHistoryEntity.class);
            return deleted;
        });
    }

    @Override
    public int deleteCourse(String courseId) {
        return tx.write(em -> {
            int deleted = em.createQuery("DELETE FROM WorkflowRecordEntity r WHERE r.courseId = :c")
                    .setParameter("c", courseId).executeUpdate();
            // the course's bindings (no personal data) go with it: nothing follows them any more
            em.createQuery("DELETE FROM WorkflowBindingEntity b WHERE b.courseId = :c")
                    .setParameter("c", courseId).executeUpdate();
            em.getEntityManagerFactory().getCache().evict(WorkflowRecordEntity.class);
            em.getEntityManagerFactory().getCache().evict(WorkflowHistoryEntity.class);
            return deleted;
        });
    }
}
