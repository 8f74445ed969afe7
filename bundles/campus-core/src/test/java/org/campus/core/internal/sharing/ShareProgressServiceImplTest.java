package org.campus.core.internal.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareQuery;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareType;
import org.campus.api.sharing.SourceDeleted;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class ShareProgressServiceImplTest {

    private final TestDatabase db = new TestDatabase();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final List<Event> posted = eventAdmin.events();
    private final ShareProgressServiceImpl shares =
            new ShareProgressServiceImpl(db.transactions(), Events.unfiltered(eventAdmin), db.dataSource());
    private final SharePrivacyProvider privacy = new SharePrivacyProvider(db.transactions());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void startsInProgressAndReadsBackThroughJpa() {
        ShareProgress s = shares.start(new NewShare(3, 4, ShareType.ACTIVITY, 5L));
        assertEquals(ShareStatus.IN_PROGRESS, s.status());
        assertEquals(s, shares.find(s.id()).orElseThrow());
        assertEquals(1, shares.timeline(s.id()).size());
        assertEquals("campus/share/STARTED", posted.get(0).getTopic());
    }

    @Test
    void statusMovesOnlyFromInProgressAndKeepsTheTimeline() {
        ShareProgress s = shares.start(new NewShare(3, 4, ShareType.COURSE, null));
        ShareProgress sent = shares.markSent(s.id(), "https://moodle.net/r/1");
        assertEquals(ShareStatus.SENT, sent.status());
        assertEquals(s.version() + 1, sent.version());
        assertThrows(ConflictException.class, () -> shares.markError(s.id(), "late"));
        assertThrows(ConflictException.class, () -> shares.markSent(s.id(), "https://moodle.net/r/2"));
        assertEquals(List.of(ShareStatus.IN_PROGRESS, ShareStatus.SENT),
                shares.timeline(s.id()).stream().map(c -> c.status()).toList());
        assertThrows(NotFoundException.class, () -> shares.markSent(999_999, "https://x.org"));
    }

    @Test
    void refusesBadInputBeforeWriting() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> shares.start(new NewShare(0, -1, ShareType.ACTIVITY, null)));
        Set<String> fields = new HashSet<>();
        e.errors().forEach(f -> fields.add(f.field()));
        assertEquals(Set.of("courseId", "userId", "cmId"), fields);
        ShareProgress s = shares.start(new NewShare(1, 1, ShareType.COURSE, null));
        assertThrows(InvalidInputException.class, () -> shares.markSent(s.id(), "javascript:alert(1)"));
        assertThrows(InvalidInputException.class, () -> shares.markSent(s.id(), "http:///nohost"));
        assertThrows(InvalidInputException.class, () -> shares.markError(s.id(), " "));
        assertEquals(ShareStatus.IN_PROGRESS, shares.find(s.id()).orElseThrow().status());
        assertEquals(1, shares.list(ShareQuery.all(), PageRequest.first(10)).items().size());
    }

    @Test
    void idsFromJdbcAndJpaNeverCollide() {
        // events are written by the JDBC insert (first entry) and by JPA (status changes) from one sequence
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            ShareProgress s = shares.start(new NewShare(7, i + 1, ShareType.COURSE, null));
            assertTrue(ids.add(s.id()));
            if (i % 2 == 0) {
                shares.markError(s.id(), "failed " + i);
            }
        }
        assertEquals(120, ids.size());
    }

    @Test
    void pagesNewestFirstWithFilters() {
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(shares.start(new NewShare(10, 20, ShareType.COURSE, null)).id());
        }
        shares.start(new NewShare(11, 21, ShareType.COURSE, null));
        Page<ShareProgress> first = shares.list(ShareQuery.byUser(20), PageRequest.first(3));
        assertEquals(List.of(made.get(4), made.get(3), made.get(2)), first.items().stream().map(ShareProgress::id).toList());
        Page<ShareProgress> second = shares.list(ShareQuery.byUser(20), new PageRequest(3, first.next()));
        assertEquals(List.of(made.get(1), made.get(0)), second.items().stream().map(ShareProgress::id).toList());
        assertNull(second.next());
        assertThrows(InvalidInputException.class, () -> shares.list(ShareQuery.all(), new PageRequest(3, "xyz")));
    }

    @Test
    void sourceDeletedMarksOnlyWhatWasDeleted() {
        ShareProgress a = shares.start(new NewShare(30, 1, ShareType.ACTIVITY, 100L));
        ShareProgress b = shares.start(new NewShare(30, 1, ShareType.ACTIVITY, 101L));
        assertEquals(1, shares.markSourceDeleted(new SourceDeleted(30, 100L)));
        assertTrue(shares.find(a.id()).orElseThrow().sourceDeleted());
        assertFalse(shares.find(b.id()).orElseThrow().sourceDeleted());
        assertEquals(1, shares.markSourceDeleted(new SourceDeleted(30, null)));
        assertTrue(shares.find(b.id()).orElseThrow().sourceDeleted());
    }

    @Test
    void privacyExportsAndDeletesOneUsersShares() {
        ShareProgress mine = shares.start(new NewShare(40, 77, ShareType.COURSE, null));
        shares.markSent(mine.id(), "https://moodle.net/r/77");
        ShareProgress other = shares.start(new NewShare(40, 78, ShareType.COURSE, null));
        var data = privacy.exportUser("77");
        assertEquals(1, data.records().size());
        assertEquals(mine.id(), data.records().get(0).get("id"));
        assertEquals(2, ((List<?>) data.records().get(0).get("timeline")).size());
        assertEquals(0, privacy.exportUser("not-a-number").records().size());
        assertEquals(1, privacy.deleteUser("77"));
        assertTrue(shares.find(mine.id()).isEmpty());
        assertEquals(1, privacy.deleteCourse("40"));
        assertTrue(shares.find(other.id()).isEmpty());
    }
}
