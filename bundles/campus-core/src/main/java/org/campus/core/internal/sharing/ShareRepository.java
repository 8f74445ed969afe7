package org.campus.core.internal.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.campus.api.sharing.ShareQuery;

/** The queries of share progress; each takes the entity manager of the caller's transaction. */
final class ShareRepository {

    /**
     * For reads that only map entities to values: EclipseLink hands out its shared-cache objects
     * without registering clones in the unit of work, so the commit has nothing to compare.
     */
    static final Map<String, Object> READ_ONLY = Map.of("eclipselink.read-only", "true");

    List<ShareEntity> page(EntityManager em, ShareQuery query, Long afterId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM ShareEntity s WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.userId() != null) {
            jpql.append(" AND s.userId = :userId");
            params.put("userId", query.userId());
        }
        if (query.courseId() != null) {
            jpql.append(" AND s.courseId = :courseId");
            params.put("courseId", query.courseId());
        }
        if (query.status() != null) {
            jpql.append(" AND s.status = :status");
            params.put("status", query.status().code());
        }
        if (query.type() != null) {
            jpql.append(" AND s.type = :type");
            params.put("type", query.type().code());
        }
        if (query.createdFrom() != null) {
            jpql.append(" AND s.timeCreated >= :from");
            params.put("from", query.createdFrom().toEpochMilli());
        }
        if (query.createdTo() != null) {
            jpql.append(" AND s.timeCreated < :to");
            params.put("to", query.createdTo().toEpochMilli());
        }
        if (afterId != null) {
            jpql.append(" AND s.id < :afterId");
            params.put("afterId", afterId);
        }
        jpql.append(" ORDER BY s.id DESC");
        TypedQuery<ShareEntity> q = em.createQuery(jpql.toString(), ShareEntity.class);
        params.forEach(q::setParameter);
        READ_ONLY.forEach(q::setHint);
        return q.setMaxResults(limit).getResultList();
    }

    List<ShareEventEntity> timeline(EntityManager em, long shareId) {
        return em.createQuery("SELECT e FROM ShareEventEntity e WHERE e.share.id = :id ORDER BY e.id",
                ShareEventEntity.class).setParameter("id", shareId)
                .setHint("eclipselink.read-only", "true").getResultList();
    }

    List<ShareEntity> byUser(EntityManager em, long userId) {
        return em.createQuery("SELECT s FROM ShareEntity s WHERE s.userId = :userId ORDER BY s.id",
                ShareEntity.class).setParameter("userId", userId).getResultList();
    }

    /** Timelines of many shares in one query, keyed by share id. */
    Map<Long, List<ShareEventEntity>> timelines(EntityManager em, List<Long> shareIds) {
        Map<Long, List<ShareEventEntity>> byShare = new LinkedHashMap<>();
        if (shareIds.isEmpty()) {
            return byShare;
        }
        List<Object[]> rows = em.createQuery(
                "SELECT e.share.id, e FROM ShareEventEntity e WHERE e.share.id IN :ids ORDER BY e.id", Object[].class)
                .setParameter("ids", shareIds).getResultList();
        for (Object[] row : rows) {
            byShare.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((ShareEventEntity) row[1]);
        }
        return byShare;
    }

    int markSourceDeleted(EntityManager em, long courseId, Long cmId, long now) {
        // booleans as parameters, so that the platform renders them as it stores them (0/1)
        String jpql = "UPDATE ShareEntity s SET s.sourceDeleted = :deleted, s.timeSourceDeleted = :now, "
                + "s.version = s.version + 1 WHERE s.courseId = :courseId AND s.sourceDeleted = :notDeleted"
                + (cmId != null ? " AND s.cmId = :cmId" : "");
        var q = em.createQuery(jpql).setParameter("deleted", true).setParameter("notDeleted", false)
                .setParameter("now", now).setParameter("courseId", courseId);
        if (cmId != null) {
            q.setParameter("cmId", cmId);
        }
        return q.executeUpdate();
    }

    int deleteByUser(EntityManager em, long userId) {
        em.createQuery("DELETE FROM ShareEventEntity e WHERE e.share.id IN "
                + "(SELECT s.id FROM ShareEntity s WHERE s.userId = :userId)")
                .setParameter("userId", userId).executeUpdate();
        return em.createQuery("DELETE FROM ShareEntity s WHERE s.userId = :userId")
                .setParameter("userId", userId).executeUpdate();
    }

    int deleteByCourse(EntityManager em, long courseId) {
        em.createQuery("DELETE FROM ShareEventEntity e WHERE e.share.id IN "
                + "(SELECT s.id FROM ShareEntity s WHERE s.courseId = :courseId)")
                .setParameter("courseId", courseId).executeUpdate();
        return em.createQuery("DELETE FROM ShareEntity s WHERE s.courseId = :courseId")
                .setParameter("courseId", courseId).executeUpdate();
    }
}
