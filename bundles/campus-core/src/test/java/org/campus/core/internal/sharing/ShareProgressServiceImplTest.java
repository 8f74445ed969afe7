package org.campus.core.internal.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.MutableClock;
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
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ShareProgressServiceImpl shares =
            new ShareProgressServiceImpl(Events.unfiltered(eventAdmin), db.dataSource(), clock);
    private final SharePrivacyProvider privacy = new SharePrivacyProvider(db.dataSource());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void startsInProgressAndReadsBack() {
        ShareProgress s = shares.start(new NewShare(3, 4, ShareType.ACTIVITY, 5L));
        assertEquals(ShareStatus.IN_PROGRESS, s.status());
        assertEquals(s, shares.find(s.id()).orElseThrow());
        assertEquals(1, shares.timeline(s.id()).size());
        assertEquals("campus/share/STARTED", posted.get(0).getTopic());
        assertEquals("3", posted.get(0).getProperty("courseId"));
        assertThrows(NotFoundException.class, () -> shares.timeline(999_999));
    }

    @Test
    void lmsIdsComeBackAsSentStringsOrNumbers() {
        LmsId course = LmsId.of("course-ä/1");
        LmsId user = LmsId.of(12_345_678_901_234L);
        LmsId cm = LmsId.of("cm 7");
        ShareProgress s = shares.start(new NewShare(course, user, ShareType.ACTIVITY, cm));
        ShareProgress read = shares.find(s.id()).orElseThrow();
        assertEquals(course, read.courseId());
        assertEquals(user, read.userId());
        assertEquals(cm, read.cmId());
        assertFalse(read.courseId().numeric());
        assertTrue(read.userId().numeric());
        // a filter matches the value, however it came
        assertEquals(List.of(s.id()), ids(shares.list(ShareQuery.byUser(LmsId.of("12345678901234")),
                PageRequest.first(10))));
        assertEquals(List.of(s.id()), ids(shares.list(ShareQuery.byCourse(course), PageRequest.first(10))));
        assertEquals(1, shares.markSourceDeleted(new SourceDeleted(course, cm)));
        assertTrue(shares.find(s.id()).orElseThrow().sourceDeleted());
        ShareProgress course255 = shares.start(new NewShare(LmsId.of("c".repeat(255)), LmsId.of("u"),
                ShareType.COURSE, null));
        assertEquals(255, shares.find(course255.id()).orElseThrow().courseId().value().length());
    }

    private static List<Long> ids(Page<ShareProgress> page) {
        return page.items().stream().map(ShareProgress::id).toList();
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
                () -> shares.start(new NewShare(LmsId.of(" "), LmsId.of("u".repeat(256)), ShareType.ACTIVITY, null)));
        Set<String> fields = new HashSet<>();
        e.errors().forEach(f -> fields.add(f.field()));
        assertEquals(Set.of("courseId", "userId", "cmId"), fields);
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> shares.start(new NewShare(null, null, null, LmsId.of(""))));
        assertEquals(List.of("courseId", "userId", "type"), missing.errors().stream().map(f -> f.field()).toList());
        assertEquals(List.of("cmId"), assertThrows(InvalidInputException.class, () -> shares.start(
                new NewShare(LmsId.of(1), LmsId.of(1), ShareType.COURSE, LmsId.of(2)))).errors().stream()
                .map(f -> f.field()).toList());
        assertThrows(InvalidInputException.class, () -> shares.markSourceDeleted(new SourceDeleted(LmsId.of(""), null)));
        // what PostgreSQL cannot store (NUL) and what an id must not hold (control characters) is bad input on both
        assertEquals(List.of("courseId", "userId"), assertThrows(InvalidInputException.class, () -> shares.start(
                new NewShare(LmsId.of("c\u0000"), LmsId.of("u\r\nX: 1"), ShareType.COURSE, null))).errors().stream()
                .map(f -> f.field()).toList());
        ShareProgress s = shares.start(new NewShare(1, 1, ShareType.COURSE, null));
        assertThrows(InvalidInputException.class, () -> shares.markSent(s.id(), "javascript:alert(1)"));
        assertThrows(InvalidInputException.class, () -> shares.markSent(s.id(), "http:///nohost"));
        assertThrows(InvalidInputException.class, () -> shares.markError(s.id(), " "));
        assertEquals("message", assertThrows(InvalidInputException.class,
                () -> shares.markError(s.id(), "bad\u0000byte")).errors().get(0).field());
        assertEquals(ShareStatus.IN_PROGRESS, shares.find(s.id()).orElseThrow().status());
        assertEquals(1, shares.list(ShareQuery.all(), PageRequest.first(10)).items().size());
    }

    @Test
    void idsOfTwoNodesNeverCollide() {
        // each node takes its own blocks from the sequences: shares and their timeline entries
        ShareProgressServiceImpl otherNode = new ShareProgressServiceImpl(Events.unfiltered(eventAdmin),
                db.dataSource(), clock);
        Map<Long, Integer> timelines = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            ShareProgressServiceImpl node = i % 3 == 0 ? otherNode : shares;
            ShareProgress s = node.start(new NewShare(7, i + 1, ShareType.COURSE, null));
            assertNull(timelines.put(s.id(), 1));
            if (i % 2 == 0) {
                (i % 4 == 0 ? otherNode : shares).markError(s.id(), "failed " + i);
                timelines.put(s.id(), 2);
            }
        }
        assertEquals(120, timelines.size());
        timelines.forEach((id, entries) -> assertEquals(entries, shares.timeline(id).size()));
    }

    @Test
    void pagesNewestFirstWithFilters() {
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.now = clock.now.plusSeconds(1);
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
    void newestFirstIsByTimeThenIdWhateverTheIdsOfTwoNodes() {
        ShareProgressServiceImpl otherNode = new ShareProgressServiceImpl(Events.unfiltered(eventAdmin),
                db.dataSource(), clock);
        // the other node's first block of ids comes after this node's: its shares have the larger ids
        ShareProgress first = shares.start(new NewShare(50, 1, ShareType.COURSE, null));
        ShareProgress olderWithLargerId = otherNode.start(new NewShare(50, 2, ShareType.COURSE, null));
        clock.now = clock.now.plusSeconds(1);
        ShareProgress newerWithSmallerId = shares.start(new NewShare(50, 3, ShareType.COURSE, null));
        assertTrue(olderWithLargerId.id() > newerWithSmallerId.id());
        // three more in the same millisecond as the newest: among equal times, the larger id first
        List<ShareProgress> sameTime = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sameTime.add((i == 1 ? otherNode : shares).start(new NewShare(50, 10 + i, ShareType.COURSE, null)));
        }
        List<ShareProgress> newest = new ArrayList<>(sameTime);
        newest.add(newerWithSmallerId);
        List<Long> expected = new ArrayList<>(newest.stream().map(ShareProgress::id)
                .sorted(Comparator.reverseOrder()).toList());
        expected.add(olderWithLargerId.id());
        expected.add(first.id());

        // page by page, two at a time: every share once, in that order, on either node
        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<ShareProgress> page = (paged.size() % 4 == 0 ? shares : otherNode)
                    .list(ShareQuery.byCourse(50), new PageRequest(2, cursor));
            paged.addAll(ids(page));
            cursor = page.next();
        } while (cursor != null);
        assertEquals(expected, paged);
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
        assertEquals("77", data.records().get(0).get("userId"));
        assertEquals(1, privacy.deleteUser("77"));
        assertTrue(shares.find(mine.id()).isEmpty());
        assertEquals(1, privacy.deleteCourse("40"));
        assertTrue(shares.find(other.id()).isEmpty());
    }
}
