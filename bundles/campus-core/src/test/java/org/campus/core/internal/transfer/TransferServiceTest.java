package org.campus.core.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.PageRequest;
import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.PreviewItem;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferQuery;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.TransferState;
import org.campus.api.transfer.UndoOutcome;
import org.campus.api.transfer.UndoRefusedException;
import org.campus.api.transfer.UndoResult;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.job.JobEngine;
import org.campus.core.internal.job.JobSettings;
import org.campus.core.internal.job.JobTestDatabase;
import org.campus.core.internal.provider.ProviderRegistryImpl;
import org.campus.core.internal.provider.TestProviders;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.UndoRefusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transfer service on the real job engine and database, with in-memory providers. */
class TransferServiceTest {

    private static final JobTestDatabase db = new JobTestDatabase();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final Events events = Events.unfiltered(eventAdmin);
    private final JobEngine jobs = new JobEngine(db.dataSource(), new JobSettings(2, Duration.ofSeconds(1), 4,
            JobSettings.DeadJobAction.RETRY, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), "n1",
            Duration.ofSeconds(5), Duration.ofMillis(500)), events, Clock.systemUTC());
    private final ProviderRegistryImpl providers = new ProviderRegistryImpl(events);
    private final MemoryProvider notes = new MemoryProvider();
    private final MemoryProvider sealed = new MemoryProvider();
    private TransferComponent transfers = create(Clock.systemUTC());

    private static int next = 100;
    private final TransferUser from = user();
    private final TransferUser to = user();

    private static synchronized TransferUser user() {
        int id = next++;
        return new TransferUser(LmsId.of(id), "User " + id);
    }

    private TransferComponent create(Clock clock) {
        TransferComponent c = new TransferComponent(db.dataSource(), jobs, events, providers, TransferSettings.defaults(),
                clock);
        jobs.addExecutor(c, List.of(TransferService.JOB_TYPE, TransferService.JOB_TYPE_CALLBACK));
        return c;
    }

    TransferServiceTest() {
        TestProviders.addTransfer(providers, notes, "notes", "Notes", true);
        TestProviders.addTransfer(providers, sealed, "badges", null, false);
        jobs.start();
    }

    @AfterEach
    void stop() {
        jobs.stop();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private Transfer awaitEnd(long id) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            Transfer t = transfers.find(id).orElseThrow();
            if (t.state().isEnded()) {
                return t;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("transfer " + id + " did not end");
    }

    private NewTransfer chose(List<String> items, Map<String, Resolution> resolutions) {
        return new NewTransfer(from, to, items, false, resolutions, null);
    }

    private String u(TransferUser user) {
        return user.id().value();
    }

    private Map<String, ItemResult> outcomes(long id) {
        return transfers.items(id, PageRequest.first(500)).items().stream()
                .collect(Collectors.toMap(TransferItemResult::id, TransferItemResult::outcome));
    }

    @Test
    void previewGroupsItemsWithConflictsAndMarksItemsOfAProviderWithoutUndoIrreversible() {
        notes.note("n1", u(from), "Lab report");
        notes.note("n2", u(from), "Essay");
        notes.note("n3", u(to), "Essay");
        sealed.note("s1", u(from), "Old badge");

        TransferPreview p = transfers.preview(from, to, null);

        assertEquals(List.of("badges:s1", "notes:n1", "notes:n2"), p.items().stream().map(PreviewItem::id).toList());
        PreviewItem essay = p.items().get(2);
        assertNotNull(essay.conflict());
        assertEquals(List.of(Resolution.KEEP_BOTH, Resolution.KEEP_TARGET, Resolution.SKIP), essay.conflict().resolutions());
        assertNull(p.items().get(1).conflict());
        assertFalse(p.items().get(1).irreversible());
        assertTrue(p.items().get(0).irreversible(), "a provider without undo: its items are irreversible");
        assertEquals(List.of("note"), List.copyOf(p.byType().keySet()));
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("badges")), p.warnings().toString());
        assertEquals(u(from), notes.owner.get("n1"), "a preview changes nothing");
    }

    @Test
    void executesTheSelectionAsAJobThenVerifiesAndUndoes() throws Exception {
        notes.note("a1", u(from), "Lab report");
        notes.note("a2", u(from), "Essay");
        notes.note("a3", u(to), "Essay");
        notes.note("a4", u(from), "Not chosen");

        Transfer started = transfers.start(chose(List.of("notes:a1", "notes:a2"),
                Map.of("notes:a2", Resolution.KEEP_TARGET)), "admin");
        // the job may have started (or even ended) before start() reads the transfer back
        assertTrue(List.of(TransferState.QUEUED, TransferState.RUNNING, TransferState.COMPLETED)
                .contains(started.state()), started.state().toString());
        Transfer t = awaitEnd(started.id());

        assertEquals(TransferState.COMPLETED, t.state(), String.valueOf(t.reason()));
        assertEquals(Map.of("notes:a1", ItemResult.TRANSFERRED, "notes:a2", ItemResult.TRANSFERRED), outcomes(t.id()));
        assertEquals(u(to), notes.owner.get("a1"));
        assertFalse(notes.owner.containsKey("a2"), "keep_target dropped the source's note");
        assertEquals(u(from), notes.owner.get("a4"), "what was not chosen stays");
        assertFalse(t.verification().flagged(), t.verification().reasons().toString());
        assertEquals(1, t.verification().counts().get(0).moved());
        assertEquals(1, t.verification().counts().get(0).removed());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // the event follows the commit that ends the transfer, which find() may see first
        while (eventAdmin.events().stream().noneMatch(e -> e.getTopic().equals(TransferService.TOPIC_ENDED))
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertTrue(eventAdmin.events().stream().anyMatch(e -> e.getTopic().equals(TransferService.TOPIC_ENDED)
                && "7".equals(e.getProperty("courses"))));
        assertEquals(1, transfers.list(new TransferQuery(from.id(), null, null, null, null), PageRequest.first(10))
                .items().size(), "the audit of transfers is queryable by user");

        UndoResult undo = transfers.undo(t.id(), "admin");
        assertTrue(undo.complete());
        assertEquals(2, undo.items().size());
        assertEquals(u(from), notes.owner.get("a1"));
        assertEquals(u(from), notes.owner.get("a2"), "undo brings back what a resolution removed");
        Transfer undone = transfers.find(t.id()).orElseThrow();
        assertEquals("undone", undone.undoState());
        assertEquals(2, undone.counts().undone());
        ConflictException again = assertThrows(ConflictException.class, () -> transfers.undo(t.id(), "admin"));
        assertTrue(again.getMessage().contains("undone already"), again.getMessage());
    }

    @Test
    void aConflictWithoutResolutionAndAnUnknownItemAreRefusedNamingThem() {
        notes.note("c1", u(from), "Essay");
        notes.note("c2", u(to), "Essay");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> transfers.start(chose(List.of("notes:c1", "notes:nope"), Map.of()), "admin"));

        List<String> fields = e.errors().stream().map(f -> f.field()).toList();
        assertTrue(fields.contains("resolutions.notes:c1"), fields.toString());
        assertTrue(fields.contains("items"), fields.toString());
        InvalidInputException notOffered = assertThrows(InvalidInputException.class,
                () -> transfers.start(chose(List.of("notes:c1"), Map.of("notes:c1", Resolution.MERGE)), "admin"));
        assertEquals("resolutions.notes:c1", notOffered.errors().get(0).field());
        assertEquals(u(from), notes.owner.get("c1"));
    }

    @Test
    void twoTransfersTouchingOneUserNeverInterleave() throws Exception {
        notes.pauseMillis = 300;
        notes.note("l1", u(from), "One");
        notes.note("l2", u(from), "Two");
        TransferUser third = user();
        Transfer first = transfers.start(chose(List.of("notes:l1", "notes:l2"), Map.of()), "admin");
        notes.note("l3", u(third), "Three");

        ConflictException busy = assertThrows(ConflictException.class, () -> transfers.start(
                new NewTransfer(third, to, List.of(), true, Map.of(), null), "admin"));
        assertTrue(busy.getMessage().contains("transfer " + first.id()), busy.getMessage());

        assertEquals(TransferState.COMPLETED, awaitEnd(first.id()).state());
        Transfer second = transfers.start(new NewTransfer(third, to, List.of(), true, Map.of(), null), "admin");
        assertEquals(TransferState.COMPLETED, awaitEnd(second.id()).state(), "the user is free once the first ended");
    }

    @Test
    void aProviderFailingMidwayUndoesWhatUndoableProvidersDidAndSaysWhatCouldNotBe() throws Exception {
        sealed.note("f1", u(from), "Badge");
        notes.note("f2", u(from), "One");
        notes.note("f3", u(from), "Two");
        notes.note("f4", u(from), "Three");
        notes.stopAt = "f4";

        Transfer t = awaitEnd(transfers.start(new NewTransfer(from, to, List.of(), true, Map.of(), null), "admin").id());

        assertEquals(TransferState.FAILED, t.state());
        assertTrue(t.reason().contains("the note store is unreachable"), t.reason());
        Map<String, ItemResult> outcomes = outcomes(t.id());
        assertEquals(ItemResult.UNDONE, outcomes.get("notes:f2"));
        assertEquals(ItemResult.UNDONE, outcomes.get("notes:f3"));
        assertEquals(ItemResult.NOT_RUN, outcomes.get("notes:f4"));
        assertEquals(ItemResult.TRANSFERRED, outcomes.get("badges:f1"), "a provider without undo: it stays moved");
        TransferItemResult badge = transfers.items(t.id(), PageRequest.first(10)).items().stream()
                .filter(i -> i.id().equals("badges:f1")).findFirst().orElseThrow();
        assertEquals(UndoOutcome.REFUSED, badge.undoOutcome());
        assertEquals(UndoRefusal.NOT_SUPPORTED, badge.undoRefusal());
        assertEquals(u(from), notes.owner.get("f2"));
        assertEquals(u(to), sealed.owner.get("f1"));
        assertTrue(t.verification().flagged(), "selected items neither moved nor skipped flag the transfer");
    }

    @Test
    void undoIsRefusedWithAReasonPerItemAndChangesNothing() throws Exception {
        sealed.note("r1", u(from), "Badge");
        notes.note("r2", u(from), "One");
        notes.note("r3", u(from), "Two");
        Transfer t = awaitEnd(transfers.start(new NewTransfer(from, to, List.of(), true, Map.of(), null), "admin").id());
        assertEquals(TransferState.COMPLETED, t.state());
        notes.owner.put("r3", "someone else"); // changed since the transfer

        UndoRefusedException e = assertThrows(UndoRefusedException.class, () -> transfers.undo(t.id(), "admin"));

        Map<String, UndoRefusal> reasons = e.items().stream().collect(Collectors.toMap(i -> i.id(), i -> i.reason()));
        assertEquals(Map.of("badges:r1", UndoRefusal.NOT_SUPPORTED, "notes:r3", UndoRefusal.CHANGED_SINCE), reasons);
        assertEquals(u(to), notes.owner.get("r2"), "a refused undo changes nothing");

        TransferComponent later = create(Clock.offset(Clock.systemUTC(), Duration.ofDays(31)));
        UndoRefusedException late = assertThrows(UndoRefusedException.class, () -> later.undo(t.id(), "admin"));
        assertTrue(late.items().stream().allMatch(i -> i.reason() == UndoRefusal.PAST_UNDO_WINDOW));
        assertTrue(late.getMessage().contains("undo window"), late.getMessage());
    }

    @Test
    void aCancelledTransferStopsBetweenItems() throws Exception {
        notes.pauseMillis = 200;
        for (int i = 0; i < 20; i++) {
            notes.note("k" + (10 + i), u(from), "Note " + i);
        }
        Transfer t = transfers.start(new NewTransfer(from, to, List.of(), true, Map.of(), null), "admin");
        TimeUnit.MILLISECONDS.sleep(500);
        transfers.cancel(t.id());
        Transfer ended = awaitEnd(t.id());

        assertEquals(TransferState.CANCELLED, ended.state());
        assertTrue(ended.counts().notRun() > 0, ended.counts().toString());
        assertEquals(20, ended.counts().transferred() + ended.counts().notRun());
        assertTrue(Instant.now(Clock.system(ZoneOffset.UTC)).isAfter(ended.timeEnded().minusSeconds(1)));
    }

    @Test
    void anUndoOfMoreItemsThanOneCommitHoldsRecordsEveryOutcome() throws Exception {
        int n = Undoer.FLUSH * 2 + 37;
        for (int i = 0; i < n; i++) {
            notes.note(String.format("m%05d", i), u(from), "Note " + i);
        }
        Transfer t = awaitEnd(transfers.start(new NewTransfer(from, to, List.of(), true, Map.of(), null), "admin").id());
        assertEquals(TransferState.COMPLETED, t.state(), String.valueOf(t.reason()));

        UndoResult undo = transfers.undo(t.id(), "admin");

        assertTrue(undo.complete());
        assertEquals(n, undo.items().size());
        Transfer undone = transfers.find(t.id()).orElseThrow();
        assertEquals(n, undone.counts().undone(), "every outcome is recorded, the last partial batch too");
        assertEquals(u(from), notes.owner.get("m00000"));
        assertEquals(u(from), notes.owner.get(String.format("m%05d", n - 1)));
        assertEquals(List.of(UndoOutcome.UNDONE), transfers.items(t.id(), PageRequest.first(500)).items().stream()
                .map(TransferItemResult::undoOutcome).distinct().toList());
    }
}
