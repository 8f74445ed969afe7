package org.campus.core.internal.archive.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveJobUsers;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.archive.job.ArchiveRepository.ActivityRow;
import org.campus.core.internal.archive.job.ArchiveRepository.Row;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The LMS users of archive jobs ({@code archive_job.user_id}, V17), through the archive service's one
 * persistence path ({@link ArchiveRepository}): what a transfer provider for archive jobs reads and
 * changes. Every change is guarded by the user it expects.
 */
@Component(service = ArchiveJobUsers.class)
public class ArchiveJobUsersImpl implements ArchiveJobUsers {

    /** The most jobs one call reads or changes. */
    static final int MAX_IDS = 500;

    private final JdbcTransactions tx;
    private final ArchiveRepository repository = new ArchiveRepository();

    @Activate
    public ArchiveJobUsersImpl(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(dataSource);
    }

    ArchiveJobUsersImpl(DataSource dataSource) {
        this.tx = new JdbcTransactions(dataSource);
    }

    @Override
    public List<ArchiveJob> ofUser(LmsId userId, long afterId, int limit) {
        if (limit < 1 || limit > MAX_IDS) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_IDS);
        }
        return tx.read("reading a user's archive jobs", c -> {
            List<Row> rows = repository.ofUser(c, userId.value(), afterId, limit);
            Map<Long, List<ActivityRow>> activities = repository.activities(c, rows.stream().map(Row::id).toList());
            List<ArchiveJob> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(ArchiveServiceImpl.job(r, activities.getOrDefault(r.id(), List.of()), Map.of()));
            }
            return out;
        });
    }

    @Override
    public Set<Long> reassign(Collection<Long> jobIds, LmsId from, LmsId to) {
        List<Long> ids = checked(jobIds);
        return tx.write("moving archive jobs to another user", c -> {
            Set<Long> moved = new LinkedHashSet<>();
            for (long id : ids) {
                if (ArchiveRepository.reassignUser(c, id, from.value(), to)) {
                    moved.add(id);
                }
            }
            return moved;
        });
    }

    @Override
    public Map<Long, LmsId> users(Collection<Long> jobIds) {
        List<Long> ids = checked(jobIds);
        return tx.read("reading archive jobs' users", c -> repository.users(c, ids));
    }

    private static List<Long> checked(Collection<Long> jobIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(jobIds));
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " archive jobs at once");
        }
        return ids;
    }
}
