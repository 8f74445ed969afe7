package org.campus.core.internal.sharing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatusChange;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Share progress under the privacy contract: the shares a user made, with their timelines. */
@Component(service = PrivacyProvider.class)
public class SharePrivacyProvider implements PrivacyProvider {

    private final JdbcTransactions jdbc;
    private final ShareRepository repository = new ShareRepository();

    @Activate
    public SharePrivacyProvider(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(dataSource);
    }

    SharePrivacyProvider(DataSource dataSource) {
        this.jdbc = new JdbcTransactions(dataSource);
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
        List<Map<String, Object>> records = jdbc.read("exporting a user's shares", c -> {
            List<ShareProgress> shares = repository.byUser(c, userId);
            Map<Long, List<ShareStatusChange>> timelines = shares.isEmpty() ? Map.of()
                    : repository.timelinesOfUser(c, userId);
            List<Map<String, Object>> out = new ArrayList<>();
            for (ShareProgress v : shares) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", v.id());
                r.put("courseId", v.courseId().value());
                r.put("userId", v.userId().value());
                r.put("type", v.type().code());
                r.put("cmId", v.cmId() == null ? null : v.cmId().value());
                r.put("status", v.status().code());
                r.put("resourceUrl", v.resourceUrl());
                r.put("errorMessage", v.errorMessage());
                r.put("timeCreated", v.timeCreated());
                r.put("timeModified", v.timeModified());
                r.put("sourceDeleted", v.sourceDeleted());
                r.put("timeSourceDeleted", v.timeSourceDeleted());
                List<Map<String, Object>> timeline = new ArrayList<>();
                for (ShareStatusChange c2 : timelines.getOrDefault(v.id(), List.of())) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("status", c2.status().code());
                    t.put("time", c2.time());
                    t.put("resourceUrl", c2.resourceUrl());
                    t.put("message", c2.message());
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
        return jdbc.write("erasing a user's shares", c -> repository.deleteByUser(c, userId));
    }

    @Override
    public int deleteCourse(String courseId) {
        return jdbc.write("purging a course's shares", c -> repository.deleteByCourse(c, courseId));
    }
}
