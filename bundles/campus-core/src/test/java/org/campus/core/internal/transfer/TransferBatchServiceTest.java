package org.campus.core.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.privacy.PersonalData;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.NewTransferBatch;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchRowStatus;
import org.campus.api.transfer.TransferBatchService;
import org.campus.api.transfer.TransferBatchState;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.TransferState;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.job.JobEngine;
import org.campus.core.internal.job.JobSettings;
import org.campus.core.internal.job.JobTestDatabase;
import org.campus.core.internal.provider.ProviderRegistryImpl;
import org.campus.core.internal.provider.TestProviders;
import org.campus.spi.transfer.Resolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batches on the real job engine and database, over the real transfer service with an in-memory provider. */
class TransferBatchServiceTest {

    private static final JobTestDatabase db = new JobTestDatabase();
    private static int next = 5000;

    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final Events events = Events.unfiltered(eventAdmin);
    private final JobEngine jobs = new JobEngine(db.dataSource(), new JobSettings(3, Duration.ofSeconds(1), 4,
            JobSettings.DeadJobAction.RETRY, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), "n1",
            Duration.ofSeconds(5), Duration.ofMillis(500)), events, Clock.systemUTC());
    private final ProviderRegistryImpl providers = new ProviderRegistryImpl(events);
    private final MemoryProvider notes = new MemoryProvider();
    private final TransferComponent transfers = new TransferComponent(db.dataSource(), jobs, events, providers,
            TransferSettings.defaults(), Clock.systemUTC());
    private final TransferBatchComponent batches = new TransferBatchComponent(db.dataSource(), jobs, transfers,
            Clock.systemUTC(), Duration.ofMillis(50));

    TransferBatchServiceTest() {
        TestProviders.addTransfer(providers, notes, "notes", "Notes", true);
        jobs.addExecutor(transfers, List.of(TransferService.JOB_TYPE, TransferService.JOB_TYPE_CALLBACK));
        jobs.addExecutor(batches, List.of(TransferBatchService.JOB_TYPE));
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

    private static synchronized String user() {
        return Integer.toString(next++);
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private TransferBatch await(long id, Predicate<TransferBatch> condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        TransferBatch b = null;
        while (System.nanoTime() < end) {
            b = batches.find(id).orElseThrow();
            if (condition.test(b)) {
                return b;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("batch " + id + " did not get there: " + b);
    }

    private TransferBatchRow awaitRow(long id, int line, Predicate<TransferBatchRow> condition)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        TransferBatchRow r = null;
        while (System.nanoTime() < end) {
            r = row(id, line);
            if (condition.test(r)) {
                return r;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("row " + line + " of batch " + id + " did not get there: " + r);
    }

    private TransferBatchRow row(long id, int line) {
        return batches.rows(id, PageRequest.first(500)).items().stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow();
    }

    @Test
    void eachRowIsPreviewedAndRunAsItsOwnTransferWithTheBatchResolution() throws Exception {
        String a = user(), b = user(), c = user(), d = user(), e = user(), f = user();
        notes.note("b1-" + a, a, "Lab report");
        notes.note("b2-" + c, c, "Essay");
        notes.note("b3-" + d, d, "Essay");          // c's essay conflicts with d's
        notes.note("b4-" + e, e, "Essay");
        notes.note("b5-" + f, f, "Essay");          // e's essay conflicts too

        TransferBatch submitted = batches.submit(new NewTransferBatch(csv("fromUserId,toUserId,fromName\n"
                + a + "," + b + ",\"Doe, Ann\"\n" + c + "," + d + ",\n" + b + "," + c + ",\n"), Resolution.KEEP_BOTH,
                null), "admin");
        assertEquals(TransferBatchState.QUEUED, submitted.state());
        assertEquals(3, submitted.rowCount());
        assertEquals(3, submitted.counts().get(TransferBatchRowStatus.PENDING));

        TransferBatch done = await(submitted.id(), x -> x.state().isEnded());

        assertEquals(TransferBatchState.COMPLETED, done.state(), String.valueOf(done.reason()));
        assertEquals(3, done.counts().get(TransferBatchRowStatus.COMPLETED), done.counts().toString());
        TransferBatchRow first = row(done.id(), 1);
        assertEquals("Doe, Ann", first.from().displayName());
        assertNotNull(first.transferId());
        assertEquals(d, notes.owner.get("b2-" + c), "keep_both moved c's essay next to d's");
        Transfer second = transfers.find(row(done.id(), 2).transferId()).orElseThrow();
        assertEquals(TransferState.COMPLETED, second.state());
        assertEquals("admin", second.requestedBy(), "the row's transfer is the batch requester's");
        assertEquals(c, notes.owner.get("b1-" + a), "row 3 (b to c) ran after row 1 (a to b) had ended:"
                + " it moved on the note row 1 had given b");
        assertEquals(TransferBatchRowStatus.COMPLETED, row(done.id(), 3).status());
        assertEquals(done.id(), batches.list(PageRequest.first(5)).items().get(0).id(), "newest first");
    }

    @Test
    void aConflictWithoutTheResolutionNeedsOneAndARowWithNothingIsEmpty() throws Exception {
        String a = user(), b = user(), c = user(), d = user();
        notes.note("n1-" + a, a, "Essay");
        notes.note("n2-" + b, b, "Essay");

        TransferBatch submitted = batches.submit(new NewTransferBatch(csv("fromUserId,toUserId\n" + a + "," + b + "\n"
                + c + "," + d + "\n"), Resolution.MERGE, null), "admin");
        TransferBatch done = await(submitted.id(), x -> x.state().isEnded());

        TransferBatchRow conflicting = row(done.id(), 1);
        assertEquals(TransferBatchRowStatus.NEEDS_RESOLUTION, conflicting.status());
        assertTrue(conflicting.message().contains("notes:n1-" + a) && conflicting.message().contains("merge"),
                conflicting.message());
        assertNull(conflicting.transferId());
        assertEquals(a, notes.owner.get("n1-" + a), "nothing was started for the row");
        assertEquals(TransferBatchRowStatus.EMPTY, row(done.id(), 2).status());
        assertEquals(1, done.counts().get(TransferBatchRowStatus.NEEDS_RESOLUTION));
    }

    @Test
    void aRowWhoseUserAnotherTransferHoldsIsBlocked() throws Exception {
        String a = user(), b = user(), c = user();
        for (int i = 0; i < 4; i++) {
            notes.note("h" + i + "-" + a, a, "Held " + i);
        }
        notes.note("k1-" + c, c, "Other");
        notes.pauseMillis = 300;
        Transfer holding = transfers.start(new NewTransfer(new org.campus.spi.transfer.TransferUser(
                org.campus.api.workflow.LmsId.of(a), "A"), new org.campus.spi.transfer.TransferUser(
                org.campus.api.workflow.LmsId.of(b), "B"), List.of(), true, Map.of(), null), "someone");

        TransferBatch submitted = batches.submit(new NewTransferBatch(csv("fromUserId,toUserId\n" + c + "," + b + "\n"),
                null, null), "admin");
        TransferBatch done = await(submitted.id(), x -> x.state().isEnded());
        notes.pauseMillis = 0;

        TransferBatchRow blocked = row(done.id(), 1);
        assertEquals(TransferBatchRowStatus.BLOCKED, blocked.status());
        assertTrue(blocked.message().contains("transfer " + holding.id()), blocked.message());
        assertEquals(c, notes.owner.get("k1-" + c));
    }

    @Test
    void cancellingStopsTheRowsTransferAndTheRowsNotReached() throws Exception {
        String a = user(), b = user(), c = user(), d = user();
        for (int i = 0; i < 20; i++) {
            notes.note("c" + i + "-" + a, a, "Note " + i);
        }
        notes.note("x-" + c, c, "Later");
        notes.pauseMillis = 100;
        TransferBatch submitted = batches.submit(new NewTransferBatch(csv("fromUserId,toUserId\n" + a + "," + b + "\n"
                + c + "," + d + "\n"), null, null), "admin");
        awaitRow(submitted.id(), 1, r -> r.status() == TransferBatchRowStatus.STARTED);

        batches.cancel(submitted.id());
        TransferBatch done = await(submitted.id(), x -> x.state().isEnded());
        notes.pauseMillis = 0;

        assertEquals(TransferBatchState.CANCELLED, done.state());
        TransferBatchRow first = row(done.id(), 1);
        assertEquals(TransferBatchRowStatus.CANCELLED, first.status());
        assertEquals(TransferState.CANCELLED, transfers.find(first.transferId()).orElseThrow().state());
        assertEquals(TransferBatchRowStatus.CANCELLED, row(done.id(), 2).status());
        assertEquals(c, notes.owner.get("x-" + c), "the row not reached started nothing");
        ConflictException again = assertThrows(ConflictException.class, () -> batches.cancel(done.id()));
        assertTrue(again.getMessage().contains("has ended"), again.getMessage());
    }

    @Test
    void aBadCsvIsRefusedWithEveryLineAndNothingIsStored() {
        Page<TransferBatch> before = batches.list(PageRequest.first(500));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> batches.submit(
                new NewTransferBatch(csv("fromUserId,toUserId\n1,1\n,2\n"), null, null), "admin"));
        assertEquals(List.of("lines[1].toUserId", "lines[2].fromUserId"),
                e.errors().stream().map(f -> f.field()).toList());
        assertEquals(before.items().size(), batches.list(PageRequest.first(500)).items().size());
        assertThrows(NotFoundException.class, () -> batches.rows(999_999_999L, PageRequest.first(5)));
    }

    @Test
    void thePrivacyProviderExportsAndErasesTheRowsNamingAUser() throws Exception {
        String a = user(), b = user();
        TransferBatch submitted = batches.submit(new NewTransferBatch(csv("fromUserId,toUserId,fromName\n" + a + ","
                + b + ",Private Name\n"), null, null), "admin");
        await(submitted.id(), x -> x.state().isEnded());
        TransferPrivacyProvider privacy = new TransferPrivacyProvider(null, db.dataSource());

        PersonalData data = privacy.exportUser(b);
        assertTrue(data.records().stream().anyMatch(r -> "Private Name".equals(r.get("fromName"))
                && Long.valueOf(submitted.id()).equals(r.get("batchId"))), data.records().toString());

        assertTrue(privacy.deleteUser(a) >= 1);
        assertTrue(batches.rows(submitted.id(), PageRequest.first(5)).items().isEmpty());
        assertTrue(privacy.exportUser(b).records().stream().noneMatch(r -> r.containsKey("batchId")));
    }
}
