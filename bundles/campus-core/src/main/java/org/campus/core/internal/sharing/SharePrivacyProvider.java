package org.campus.core.internal.sharing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Share progress under the privacy contract: the shares a user made, with their timelines. */
@Component(service = PrivacyProvider.class)
public class SharePrivacyProvider implements PrivacyProvider {

    private final Transactions tx;
    private final ShareRepository repository = new ShareRepository();

    @Activate
    public SharePrivacyProvider(@Reference(target = "(osgi.unit.name=campus)") JpaTemplate jpa,
            @Reference CampusSchema schema) {
        this(new Transactions(jpa));
    }

    SharePrivacyProvider(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public String name() {
        return "share-progress";
    }

    @Override
    public String description() {
        return "For each share a user started: the course, the shared activity, the share type, its send "
                + "status with its timeline, the resulting resource URL and any error message.";
    }

    @Override
    public PersonalData exportUser(String userId) {
        Long id = parseId(userId);
        List<Map<String, Object>> records = id == null ? List.of() : tx.read(em -> {
            List<ShareEntity> shares = repository.byUser(em, id);
            var timelines = repository.timelines(em, shares.stream().map(ShareEntity::getId).collect(Collectors.toList()));
            List<Map<String, Object>> out = new ArrayList<>();
            for (ShareEntity s : shares) {
                var v = ShareMapper.toValue(s);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", v.id());
                r.put("courseId", v.courseId());
                r.put("userId", v.userId());
                r.put("type", v.type().code());
                r.put("cmId", v.cmId());
                r.put("status", v.status().code());
                r.put("resourceUrl", v.resourceUrl());
                r.put("errorMessage", v.errorMessage());
                r.put("timeCreated", v.timeCreated());
                r.put("timeModified", v.timeModified());
                r.put("sourceDeleted", v.sourceDeleted());
                r.put("timeSourceDeleted", v.timeSourceDeleted());
                List<Map<String, Object>> timeline = new ArrayList<>();
                for (ShareEventEntity e : timelines.getOrDefault(s.getId(), List.of())) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    var c = ShareMapper.toValue(e);
                    t.put("status", c.status().code());
                    t.put("time", c.time());
                    t.put("resourceUrl", c.resourceUrl());
                    t.put("message", c.message());
                    timeline.add(t);
                }
                r.put("timeline", timeline);
                out.add(r);
            }
            return out;
        });
        return new PersonalData(name(), description(), records);
    }

    @Override
    public int deleteUser(String userId) {
        Long id = parseId(userId);
        return id == null ? 0 : tx.write(em -> {
            int n = repository.deleteByUser(em, id);
            em.getEntityManagerFactory().getCache().evict(ShareEntity.class);
            return n;
        });
    }

    @Override
    public int deleteCourse(String courseId) {
        Long id = parseId(courseId);
        return id == null ? 0 : tx.write(em -> {
            int n = repository.deleteByCourse(em, id);
            em.getEntityManagerFactory().getCache().evict(ShareEntity.class);
            return n;
        });
    }

    private static Long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
