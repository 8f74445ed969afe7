package org.campus.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.campus.core.internal.db.FailingCommits;
import org.campus.core.internal.db.GroupCommit;
import org.campus.core.internal.db.MutableClock;
import org.campus.core.internal.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditServiceImplTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final TestDatabase db = new TestDatabase();
    private final FailingCommits database = new FailingCommits(db.dataSource());
    private final MutableClock clock = new MutableClock(T0);
    private final AuditServiceImpl audit = new AuditServiceImpl(database, clock, AuditServiceImpl.MAX_WAIT);

    @AfterEach
    void close() {
        audit.deactivate();
        db.close();
    }

    private void fill() {
        audit.record("admin", ActorKind.ADMIN, "POST /api-keys", "/api-keys/k1", "10.0.0.1", "201");
        clock.now = T0.plusSeconds(60);
        audit.record("moodle", ActorKind.LMS, "POST /share-progress", "/share-progress/1", "10.0.0.2", "201");
        clock.now = T0.plusSeconds(120);
        audit.record("moodle", ActorKind.LMS, "POST /share-progress/{id}/status", "/share-progress/1/status",
                "10.0.0.2", "200");
        clock.now = T0.plusSeconds(180);
        audit.record("system", ActorKind.SYSTEM, "bootstrap", "admin", "local", null);
    }

    private static List<String> actions(Page<AuditEntry> page) {
        return page.items().stream().map(AuditEntry::action).collect(Collectors.toList());
    }

    @Test
    void aQuerySeesWhatWasJustRecordedNewestFirst() {
        fill();

        Page<AuditEntry> page = audit.query(AuditQuery.all(), PageRequest.first(50));

        assertEquals(List.of("bootstrap", "POST /share-progress/{id}/status", "POST /share-progress", "POST /api-keys"),
                actions(page));
        AuditEntry first = page.items().get(3);
        assertEquals("admin", first.actor());
        assertEquals(ActorKind.ADMIN, first.actorKind());
        assertEquals("/api-keys/k1", first.target());
        assertEquals("10.0.0.1", first.remoteAddress());
        assertEquals(T0, first.time());
        assertNull(page.next());
    }

    @Test
    void filtersCombine() {
        fill();

        assertEquals(2, audit.query(new AuditQuery("moodle", null, null, null, null), PageRequest.first(50)).items().size());
        assertEquals(List.of("POST /api-keys"),
                actions(audit.query(new AuditQuery(null, ActorKind.ADMIN, null, null, null), PageRequest.first(50))));
        assertEquals(List.of("POST /share-progress"), actions(audit.query(
                new AuditQuery("moodle", ActorKind.LMS, "POST /share-progress", null, null), PageRequest.first(50))));
        assertEquals(List.of("POST /share-progress/{id}/status", "POST /share-progress"), actions(audit.query(
                new AuditQuery(null, null, null, T0.plusSeconds(60), T0.plusSeconds(180)), PageRequest.first(50))));
        assertTrue(audit.query(new AuditQuery("' OR '1'='1", null, null, null, null), PageRequest.first(50))
                .items().isEmpty());
    }

    @Test
    void pagesFollowTheCursor() {
        fill();

        Page<AuditEntry> p1 = audit.query(AuditQuery.all(), PageRequest.first(3));
        assertEquals(3, p1.items().size());
        assertNotNull(p1.next());
        Page<AuditEntry> p2 = audit.query(AuditQuery.all(), new PageRequest(3, p1.next()));

        assertEquals(List.of("POST /api-keys"), actions(p2));
        assertNull(p2.next());
    }

    @Test
    void longTextIsCutAndControlCharactersAreBlanked() {
        audit.record("a\nb", ActorKind.ADMIN, "x".repeat(300), "t", null, "d".repeat(5000));

        AuditEntry e = audit.query(AuditQuery.all(), PageRequest.first(1)).items().get(0);

        assertEquals("a b", e.actor());
        assertEquals(255, e.action().length());
        assertEquals(4000, e.detail().length());
    }

    @Test
    void manyConcurrentRecordsAreAllKept() throws Exception {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int n = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    audit.record("c" + n, ActorKind.LMS, "POST /x", "/x/" + i, null, null);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }

        assertEquals(400, all().size());
    }

    @Test
    void noEntryIsLostWhenCommitsFail() throws Exception {
        database.failNext(3);
        int threads = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        // returns once the entry is committed: a request may answer 2xx now
                        audit.record("c" + n, ActorKind.LMS, "POST /x", "/x/" + n + "/" + i, null, null);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(3, database.failed(), "three batches failed to commit, and were written again");
        assertEquals(0, audit.queued());
        Set<String> targets = new HashSet<>();
        for (AuditEntry e : all()) {
            assertTrue(targets.add(e.target()), "written once: " + e.target());
        }
        assertEquals(threads * each, targets.size());
    }

    @Test
    void anEntryNotWrittenInTimeIsReportedAndKeptUntilItIs() {
        AuditServiceImpl impatient = new AuditServiceImpl(database, clock, Duration.ofMillis(300));
        database.failNext(Integer.MAX_VALUE); // the database is gone

        assertThrows(GroupCommit.NotWrittenException.class,
                () -> impatient.record("admin", ActorKind.ADMIN, "DELETE /api-keys/{id}", "/api-keys/k1", null, null));
        assertEquals(1, impatient.queued(), "kept, not dropped");
        assertTrue(all().isEmpty());

        database.failNext(0); // back
        impatient.record("admin", ActorKind.ADMIN, "POST /api-keys", "/api-keys", null, null);

        assertEquals(List.of("POST /api-keys", "DELETE /api-keys/{id}"), all().stream().map(AuditEntry::action)
                .toList());
        assertEquals(0, impatient.queued());
    }

    @Test
    void newestFirstIsByTimeThenIdWhateverTheIdsOfTwoNodes() {
        AuditServiceImpl otherNode = new AuditServiceImpl(db.dataSource(), clock, AuditServiceImpl.MAX_WAIT);
        audit.record("a", ActorKind.ADMIN, "first", null, null, null);
        otherNode.record("b", ActorKind.ADMIN, "older, larger id", null, null, null); // the other node's block is later
        clock.now = T0.plusSeconds(1);
        audit.record("a", ActorKind.ADMIN, "newer, smaller id", null, null, null);
        otherNode.record("b", ActorKind.ADMIN, "newest", null, null, null);

        List<AuditEntry> entries = all();

        assertEquals(List.of("newest", "newer, smaller id", "older, larger id", "first"),
                entries.stream().map(AuditEntry::action).toList());
        assertTrue(entries.get(2).id() > entries.get(1).id());
        assertEquals(entries, pagesOf(1), "one at a time, every entry once, in the same order");
    }

    /** Every entry, page by page of {@code size}. */
    private List<AuditEntry> pagesOf(int size) {
        List<AuditEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntry> p = audit.query(AuditQuery.all(), new PageRequest(size, cursor));
            entries.addAll(p.items());
            cursor = p.next();
        } while (cursor != null);
        return entries;
    }

    private List<AuditEntry> all() {
        return pagesOf(500);
    }

    @Test
    void fromMustComeBeforeTo() {
        assertThrows(InvalidInputException.class,
                () -> audit.query(new AuditQuery(null, null, null, T0, T0), PageRequest.first(1)));
    }
}
