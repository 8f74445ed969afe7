package org.campus.core.internal.archive.ownership;

import static org.campus.core.internal.archive.ownership.ArchiveJobUserColumns.COURSE_ID;
import static org.campus.core.internal.archive.ownership.ArchiveJobUserColumns.COURSE_NUMERIC;
import static org.campus.core.internal.archive.ownership.ArchiveJobUserColumns.ID;
import static org.campus.core.internal.archive.ownership.ArchiveJobUserColumns.TABLE;
import static org.campus.core.internal.archive.ownership.ArchiveJobUserColumns.TIME_CREATED;
import static org.campus.core.internal.archive.ownership.ArchiveJobUserColumns.USER_ID;
import static org.campus.core.internal.archive.ownership.ArchiveJobUserColumns.USER_NUMERIC;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.campus.api.archive.ownership.ArchiveOwnership;
import org.campus.api.archive.ownership.OwnedArchiveJob;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Archive jobs' users through plain JDBC: reads a user's jobs, and changes only the job's user
 * ({@code user_id}, {@code user_numeric}; named in {@link ArchiveJobUserColumns}), each change
 * guarded by the user it expects.
 */
@Component(service = ArchiveOwnership.class)
public class ArchiveOwnershipImpl implements ArchiveOwnership {

    private final JdbcTransactions jdbc;

    @Activate
    public ArchiveOwnershipImpl(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(dataSource);
    }

    /** For tests outside OSGi. */
    public ArchiveOwnershipImpl(DataSource dataSource) {
        this.jdbc = new JdbcTransactions(dataSource);
    }

    @Override
    public List<OwnedArchiveJob> ofUser(LmsId userId, long afterId, int limit) {
        if (limit < 1 || limit > MAX_IDS) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_IDS);
        }
        return jdbc.read("reading a user's archive jobs", c -> {
            List<OwnedArchiveJob> jobs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ID + ", " + COURSE_ID + ", " + COURSE_NUMERIC
                    + ", " + TIME_CREATED + ", " + USER_ID + ", " + USER_NUMERIC + " FROM " + TABLE + " WHERE "
                    + USER_ID + " = ? AND " + ID + " > ? ORDER BY " + ID + " FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, userId.value());
                ps.setLong(2, afterId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(new OwnedArchiveJob(rs.getLong(ID),
                                lmsId(rs.getString(COURSE_ID), rs.getBoolean(COURSE_NUMERIC)),
                                lmsId(rs.getString(USER_ID), rs.getBoolean(USER_NUMERIC)),
                                Instant.ofEpochMilli(rs.getLong(TIME_CREATED))));
                    }
                }
            }
            return jobs;
        });
    }

    @Override
    public Set<Long> reassign(Collection<Long> jobIds, LmsId from, LmsId to) {
        List<Long> ids = checked(jobIds);
        return jdbc.write("moving archive jobs to another user", c -> {
            Set<Long> moved = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET " + USER_ID + " = ?, "
                    + USER_NUMERIC + " = ? WHERE " + ID + " = ? AND " + USER_ID + " = ?")) {
                for (long id : ids) {
                    ps.setString(1, to.value());
                    ps.setBoolean(2, to.numeric());
                    ps.setLong(3, id);
                    ps.setString(4, from.value());
                    if (ps.executeUpdate() == 1) {
                        moved.add(id);
                    }
                }
            }
            return moved;
        });
    }

    @Override
    public Map<Long, LmsId> users(Collection<Long> jobIds) {
        List<Long> ids = checked(jobIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.read("reading archive jobs' users", c -> {
            Map<Long, LmsId> users = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ID + ", " + USER_ID + ", " + USER_NUMERIC
                    + " FROM " + TABLE + " WHERE " + ID + " IN (" + "?, ".repeat(ids.size() - 1) + "?) AND " + USER_ID
                    + " IS NOT NULL")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.put(rs.getLong(ID), lmsId(rs.getString(USER_ID), rs.getBoolean(USER_NUMERIC)));
                    }
                }
            }
            return users;
        });
    }

    private static List<Long> checked(Collection<Long> jobIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(jobIds));
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " archive jobs at once");
        }
        return ids;
    }

    private static LmsId lmsId(String value, boolean numeric) {
        return numeric ? LmsId.of(Long.parseLong(value)) : LmsId.of(value);
    }
}
