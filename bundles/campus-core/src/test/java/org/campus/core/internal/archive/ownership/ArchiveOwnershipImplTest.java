package org.campus.core.internal.archive.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campus.api.archive.ownership.OwnedArchiveJob;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.job.JobTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The archive-job ownership on the real schema (V12, V17). */
class ArchiveOwnershipImplTest {

    private static final JobTestDatabase db = new JobTestDatabase();
    private static long next = 9000;
    private final ArchiveOwnershipImpl ownership = new ArchiveOwnershipImpl(db.dataSource());

    @AfterAll
    static void drop() {
        db.close();
    }

    /** An archive job row as the archive service writes it, for {@code user} (null: none). */
    private static synchronized long job(LmsId course, LmsId user, long created) throws SQLException {
        long id = next++;
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO archive_job (id, course_id, course_numeric, owner, state, sign_archive, storage_id,"
                        + " archive_name, time_created, user_id, user_numeric) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, course.value());
            ps.setBoolean(3, course.numeric());
            ps.setString(4, "admin");
            ps.setString(5, "started");
            ps.setBoolean(6, false);
            ps.setString(7, "default");
            ps.setString(8, "course-" + course + ".tar.gz");
            ps.setLong(9, created);
            ps.setString(10, user == null ? null : user.value());
            ps.setBoolean(11, user != null && user.numeric());
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return id;
    }

    @Test
    void listsAUsersJobsInIdOrderInPages() throws Exception {
        LmsId ann = LmsId.of(7001);
        long a = job(LmsId.of(12), ann, 1_000);
        long b = job(LmsId.of("phy-101"), ann, 2_000);
        job(LmsId.of(12), LmsId.of("someone"), 3_000);
        job(LmsId.of(12), null, 4_000);

        List<OwnedArchiveJob> first = ownership.ofUser(ann, 0, 1);
        assertEquals(List.of(a), first.stream().map(OwnedArchiveJob::id).toList());
        assertEquals(new OwnedArchiveJob(a, LmsId.of(12), ann, Instant.ofEpochMilli(1_000)), first.get(0));
        List<OwnedArchiveJob> second = ownership.ofUser(ann, a, 10);
        assertEquals(List.of(b), second.stream().map(OwnedArchiveJob::id).toList());
        assertEquals(LmsId.of("phy-101"), second.get(0).courseId(), "a course id given as text stays text");
        assertTrue(ownership.ofUser(LmsId.of("7001"), 0, 10).size() == 2, "users are matched by their value");
        assertThrows(IllegalArgumentException.class, () -> ownership.ofUser(ann, 0, 501));
    }

    @Test
    void reassignIsGuardedByTheUserItExpectsAndTakesTheTargetsForm() throws Exception {
        LmsId from = LmsId.of(7101);
        LmsId to = LmsId.of("ann-b");
        long mine = job(LmsId.of(12), from, 1_000);
        long other = job(LmsId.of(12), LmsId.of(7102), 1_000);

        Set<Long> moved = ownership.reassign(List.of(mine, other, 999_999L), from, to);

        assertEquals(Set.of(mine), moved);
        Map<Long, LmsId> users = ownership.users(List.of(mine, other, 999_999L));
        assertEquals(to, users.get(mine));
        assertFalse(users.get(mine).numeric());
        assertEquals(LmsId.of(7102), users.get(other), "another user's job stays");
        assertFalse(users.containsKey(999_999L));
        assertTrue(ownership.reassign(List.of(mine), from, to).isEmpty(), "no longer from's: nothing moves");
        assertEquals(Set.of(mine), ownership.reassign(List.of(mine), to, from), "back, for undo");
        assertTrue(ownership.users(List.of(mine)).get(mine).numeric(), "back as the number it was");
    }
}
