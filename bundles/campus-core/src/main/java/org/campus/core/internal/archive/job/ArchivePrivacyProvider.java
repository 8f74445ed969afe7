package org.campus.core.internal.archive.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * Archive jobs under the privacy contract. A job names its owner (who asked for it: an API key's or an
 * admin's name) and, when the LMS gave one, the LMS user it was made for ({@code userId}); it holds the
 * files uploaded into it until it ends; the archives themselves are the storage drivers' (each
 * registers its own provider). A user's export lists the jobs they own or were made for; a user's
 * erasure replaces the owner with {@link #ERASED_OWNER} and clears the LMS user (the job stays: an
 * archive is a record kept for its retention time, see docs/ARCHIVES.md); a course purge deletes the course's archive jobs that have
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
        return "For each archive job a user asked for or that was made on their behalf: the course, the activities,"
                + " the state, and where the archive was stored. Files uploaded into a job are kept until the job is"
                + " deleted. An erasure keeps the jobs (archives are records with a retention time) without the user.";
    }

    @Override
    public PersonalData exportUser(String userId) {
        List<Long> ids = tx.read("exporting a user's archive jobs", c -> ids(c, userId));
        List<ArchiveJob> jobs = new ArrayList<>();
        for (long id : ids) {
            archives.find(id).ifPresent(jobs::add);
        }
        // newest first: by time, then id
        jobs.sort(java.util.Comparator.comparing(ArchiveJob::created, java.util.Comparator.nullsLast(
                java.util.Comparator.<java.time.Instant>naturalOrder())).thenComparingLong(ArchiveJob::id).reversed());
        List<Map<String, Object>> records = new ArrayList<>();
        for (ArchiveJob j : jobs) {
            records.add(record(j));
        }
        return new PersonalData(name(), description(), records);
    }

    private static Map<String, Object> record(ArchiveJob j) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", j.id());
        r.put("courseId", j.courseId().value());
        r.put("owner", j.owner());
        if (j.userId() != null) {
            r.put("userId", j.userId().numeric() ? (Object) Long.valueOf(j.userId().value()) : j.userId().value());
        }
        r.put("state", j.state());
        r.put("created", j.created() == null ? null : j.created().toString());
        r.put("activities", j.activities().stream().map(a -> a.type() + " " + a.id()).toList());
        r.put("storedAt", j.stored() == null ? null : j.stored().location());
        return r;
    }

    @Override
    public int deleteUser(String userId) {
        return tx.write("erasing a user from archive jobs", c -> {
            List<Long> owned = repository.idsOfOwner(c, userId);
            for (long id : owned) {
                ArchiveRepository.anonymizeOwner(c, id, ERASED_OWNER);
            }
            List<Long> made = repository.idsOfUser(c, userId);
            for (long id : made) {
                ArchiveRepository.clearUser(c, id);
            }
            return new LinkedHashSet<>(concat(owned, made)).size();
        });
    }

    /** The jobs a user owns or that were made for them, each once. */
    private List<Long> ids(java.sql.Connection c, String userId) throws java.sql.SQLException {
        List<Long> owned = repository.idsOfOwner(c, userId);
        List<Long> made = repository.idsOfUser(c, userId);
        if (made.isEmpty()) {
            return owned;
        }
        return new ArrayList<>(new LinkedHashSet<>(concat(owned, made)));
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
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
