package org.campus.core.internal.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.WorkflowBinding;

/**
 * The one repository of workflow bindings ({@code workflow_binding}), through EclipseLink: each
 * method takes the entity manager of the caller's transaction. Absent ids are stored as {@code ""}
 * so that one scope has one row (a unique constraint).
 */
final class BindingRepository {

    /** Which ids came as JSON numbers: bits of {@code id_numeric}. */
    static final int COURSE_NUMERIC = 2;
    static final int ACTIVITY_NUMERIC = 4;

    /** The most specific of the global, the course's and the activity's binding ({@code ""} for none). */
    Optional<WorkflowBindingEntity> effective(EntityManager em, String course, String activity) {
        List<WorkflowBindingEntity> candidates = em.createQuery("SELECT b FROM WorkflowBindingEntity b WHERE "
                + "(b.courseId = '' AND b.activityId = '') OR (b.courseId = :c AND b.activityId = '') "
                + "OR (b.courseId = :c AND b.activityId = :a)", WorkflowBindingEntity.class)
                .setParameter("c", course).setParameter("a", activity).getResultList();
        return candidates.stream().filter(b -> course.isEmpty() ? b.getCourseId().isEmpty() : true)
                .filter(b -> activity.isEmpty() ? b.getActivityId().isEmpty() : true)
                .max((x, y) -> Integer.compare(specificity(x), specificity(y)));
    }

    /**
     * Binds the scope to {@code workflowId}: its binding is changed, or created. Flushed, so that two
     * requests creating the binding of one new scope fail here, the second on the unique constraint.
     */
    WorkflowBindingEntity bind(EntityManager em, BindingScope scope, LmsId courseId, LmsId activityId,
            long workflowId, long now) {
        String course = courseId == null ? "" : courseId.value();
        String activity = activityId == null ? "" : activityId.value();
        WorkflowBindingEntity e = em.createQuery("SELECT b FROM WorkflowBindingEntity b WHERE b.scope = :s "
                + "AND b.courseId = :c AND b.activityId = :a", WorkflowBindingEntity.class)
                .setParameter("s", scope.code()).setParameter("c", course).setParameter("a", activity)
                .getResultStream().findFirst().orElse(null);
        if (e == null) {
            e = new WorkflowBindingEntity();
            e.setScope(scope.code());
            e.setCourseId(course);
            e.setActivityId(activity);
            e.setIdNumeric((courseId != null && courseId.numeric() ? COURSE_NUMERIC : 0)
                    | (activityId != null && activityId.numeric() ? ACTIVITY_NUMERIC : 0));
            em.persist(e);
        }
        e.setWorkflowId(workflowId);
        e.setTimeModified(now);
        em.flush();
        return e;
    }

    /** The bindings of a course and/or activity ({@code null}: any), by course, activity and id. */
    List<WorkflowBinding> list(EntityManager em, LmsId courseId, LmsId activityId) {
        StringBuilder jpql = new StringBuilder("SELECT b FROM WorkflowBindingEntity b WHERE 1 = 1");
        if (courseId != null) {
            jpql.append(" AND b.courseId = :c");
        }
        if (activityId != null) {
            jpql.append(" AND b.activityId = :a");
        }
        jpql.append(" ORDER BY b.courseId, b.activityId, b.id");
        var q = em.createQuery(jpql.toString(), WorkflowBindingEntity.class);
        if (courseId != null) {
            q.setParameter("c", courseId.value());
        }
        if (activityId != null) {
            q.setParameter("a", activityId.value());
        }
        return q.getResultList().stream().map(BindingRepository::toValue).collect(Collectors.toList());
    }

    /** Deletes the bindings of a course and of its activities; returns how many. */
    int deleteCourse(EntityManager em, String courseId) {
        return em.createQuery("DELETE FROM WorkflowBindingEntity b WHERE b.courseId = :c")
                .setParameter("c", courseId).executeUpdate();
    }

    static WorkflowBinding toValue(WorkflowBindingEntity e) {
        return new WorkflowBinding(e.getId(), BindingScope.fromCode(e.getScope()).orElseThrow(),
                e.getCourseId().isEmpty() ? null
                        : new LmsId(e.getCourseId(), (e.getIdNumeric() & COURSE_NUMERIC) != 0),
                e.getActivityId().isEmpty() ? null
                        : new LmsId(e.getActivityId(), (e.getIdNumeric() & ACTIVITY_NUMERIC) != 0),
                e.getWorkflowId(), Instant.ofEpochMilli(e.getTimeModified()));
    }

    private static int specificity(WorkflowBindingEntity b) {
        return b.getActivityId().isEmpty() ? (b.getCourseId().isEmpty() ? 0 : 1) : 2;
    }
}
