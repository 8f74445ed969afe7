package org.campus.core.internal.archive.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.ConflictException;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveService;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;

import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;

/**
 * Archive jobs under the privacy contract. A job names its owner (who asked for it) and holds the
 * files uploaded into it until it ends; the archives themselves are the storage drivers' (each
 * registers its own provider). A user's export lists the jobs they own; a user's erasure replaces
 * the owner with {@link #ERASED_OWNER}; a course purge deletes the course's archive jobs that have
 * ended or not started (with their uploads and stored archives) and cancels running ones, which are
 * purged by a later erasure once they ended.
 */
@Component(service = PrivacyProvider.class)
public class ArchivePrivacyProvider implements PrivacyProvider {

    static final String ERASED_OWNER = "erased user";

    private final JdbcTransactions tx;
    private final ArchiveRepository repository = new ArchiveRepository();
    private final ArchiveService archives;

    @Activate
    public ArchivePrivacyProvider(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference ArchiveService archives) {
        this(dataSource, archives);
    }

    ArchivePrivacyProvider(DataSource dataSource, ArchiveService archives) {
        this.tx = new JdbcTransactions(dataSource);
        this.archives = archives;
    }

    @Override
    public String name() {
        return "archive-jobs";
    }

    @Override
    public String description() {
        return "For each archive job a user asked for: the course, the activities, the state, and where the archive"
                + " was stored. Files uploaded into a job are kept until the job is deleted.";
    }

    @Override
    public PersonalData exportUser(String userId) {
        List<Long> ids = tx.read("exporting a user's archive jobs", c -> repository.idsOfOwner(c, userId));
        List<Map<String, Object>> records = new ArrayList<>();
        for (long id : ids) {
            archives.find(id).ifPresent(j -> records.add(record(j)));
        }
        return new PersonalData(name(), description(), records);
    }

    private static Map<String, Object> record(ArchiveJob j) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", j.id());
        r.put("courseId", j.courseId().value());
        r.put("owner", j.owner());
        r.put("state", j.state());
        r.put("created", j.created() == null ? null : j.created().toString());
        r.put("activities", j.activities().stream().map(a -> a.type() + " " + a.id()).toList());
        r.put("storedAt", j.stored() == null ? null : j.stored().location());
        return r;
    }

    @Override
    public int deleteUser(String userId) {
        return tx.write("erasing a user from archive jobs", c -> {
            List<Long> ids = repository.idsOfOwner(c, userId);
            for (long id : ids) {
                ArchiveRepository.anonymizeOwner(c, id, ERASED_OWNER);
            }
            return ids.size();
        });
    }

    @Override
    public int deleteCourse(String courseId) {
        List<Long> ids = tx.read("finding a course's archive jobs", c -> repository.idsOfCourse(c, courseId));
        int deleted = 0;
        for (long id : ids) {
            ArchiveJob job = archives.find(id).orElse(null);
            if (job == null) {
                continue;
            }
            if (!job.isEnded() && !ArchiveJob.STATE_OPEN.equals(job.state())) {
                try {
                    archives.cancel(id);
                } catch (ConflictException ended) {
                    // ended meanwhile: deleted below
                }
                throw new ConflictException("archive job " + id + " of course " + courseId + " was running; it is"
                        + " cancelled and deleted by the next attempt");
            }
            archives.delete(id);
            deleted++;
        }
        return deleted;
    }
}
