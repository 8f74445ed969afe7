package org.campus.testkit.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.campus.spi.ProviderHealth;
import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.ResolutionOption;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.UndoRefusal;
import org.campus.spi.transfer.UndoRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link TransferProvider} passes. Extend it in your provider's tests and
 * implement the hooks: the provider under test, the two users, a fixture of their data, and a
 * snapshot of everything the provider could change for them. The fixture is created afresh before
 * every test (and before each case of the resolution test).
 *
 * <p>What it checks: items are well formed and listing changes nothing; every selected item gets
 * exactly one outcome and verification adds up; undo restores exactly the state before the
 * transfer, its dry run and a second undo change nothing, and it refuses an item whose data
 * changed since; each offered resolution transfers, verifies and undoes; cancellation stops between
 * items; a transfer interrupted mid-item completes from its prepared undo record; health is not
 * down after working with the fixture.
 */
public abstract class TransferProviderContract {

    /** The provider under test, configured against the fixture's store. */
    protected abstract TransferProvider provider();

    /** The account data moves from. */
    protected abstract TransferUser source();

    /** The account data moves to. */
    protected abstract TransferUser target();

    /**
     * Creates the two users' data afresh, discarding whatever an earlier call or test made: the
     * source has data of every item type the provider lists, at least two items, and (if
     * {@link #fixtureHasConflicts()}) at least one item conflicting with the target's data.
     */
    protected abstract void createFixture() throws Exception;

    /**
     * Everything the provider could change for the two users, as a value compared with
     * {@code equals} (e.g. a sorted map of their rows).
     */
    protected abstract Object snapshot() throws Exception;

    /**
     * Changes the data behind a transferred item as a user or teacher might after the transfer, so
     * that undo must refuse the item. Return false if the provider cannot notice such a change; the
     * test is then skipped.
     */
    protected boolean changeAfterTransfer(TransferItem item) throws Exception {
        return false;
    }

    /** The item types the provider declares in {@link TransferProvider#PROPERTY_ITEM_TYPES}; empty: not checked. */
    protected Set<String> declaredItemTypes() {
        return Set.of();
    }

    /** Whether the provider declares {@link TransferProvider#PROPERTY_UNDO}. */
    protected boolean supportsUndo() {
        return true;
    }

    /** Whether the fixture has a conflicting item (the provider can conflict at all). */
    protected boolean fixtureHasConflicts() {
        return true;
    }

    protected TransferHarness harness() {
        TransferHarness harness = new TransferHarness(provider(), source(), target());
        return supportsUndo() ? harness : harness.withoutUndo();
    }

    @BeforeEach
    final void freshFixture() throws Exception {
        createFixture();
    }

    @Test
    void itemsHaveUniqueIdsTypesAndTitles() throws Exception {
        List<TransferItem> items = harness().list();
        assertTrue(items.size() >= 2, "the fixture must give at least two items, got " + items.size());
        Set<String> ids = new HashSet<>();
        for (TransferItem item : items) {
            assertTrue(ids.add(item.id()), "id listed twice: " + item.id());
            assertFalse(item.type().isBlank(), "type of " + item.id());
            assertFalse(item.title().isBlank(), "title of " + item.id());
            if (!declaredItemTypes().isEmpty()) {
                assertTrue(declaredItemTypes().contains(item.type()),
                        "type " + item.type() + " of " + item.id() + " is not declared in " + declaredItemTypes());
            }
            assertEquals(item.irreversible(), item.irreversibleReason() != null,
                    "an irreversible item says why, a reversible one does not: " + item.id());
        }
    }

    @Test
    void conflictsOfferResolutionsIncludingSkip() throws Exception {
        assumeTrue(fixtureHasConflicts(), "the provider has no conflicts");
        List<TransferItem> conflicting = harness().list().stream().filter(i -> i.conflict().isPresent()).toList();
        assertFalse(conflicting.isEmpty(), "the fixture must give a conflicting item");
        for (TransferItem item : conflicting) {
            Conflict conflict = item.conflict().orElseThrow();
            assertFalse(conflict.description().isBlank(), "conflict description of " + item.id());
            assertTrue(conflict.option(Resolution.SKIP).isPresent(), "SKIP is offered for " + item.id());
            assertTrue(conflict.options().size() >= 2, "a conflict offers more than SKIP: " + item.id());
            for (ResolutionOption option : conflict.options()) {
                assertFalse(option.effect().isBlank(), "effect of " + option.resolution() + " on " + item.id());
            }
            conflict.recommended().ifPresent(r -> assertTrue(conflict.option(r).isPresent(),
                    "recommended " + r + " is offered for " + item.id()));
        }
    }

    @Test
    void listingChangesNothingAndListsTheSameItemsAgain() throws Exception {
        Object before = snapshot();
        List<String> first = ids(harness().list());
        List<String> second = ids(harness().list());
        assertEquals(before, snapshot(), "listing changed data");
        assertEquals(first, second, "a second listing gives other items");
    }

    @Test
    void everySelectedItemGetsOneOutcomeAndVerificationAddsUp() throws Exception {
        TransferHarness harness = harness();
        List<TransferItem> items = harness.list();
        TransferRun run = harness.transfer(items, preferredResolutions(items));

        assertFalse(run.crashed());
        run.thrown().ifPresent(e -> fail("transfer gave up: " + e.getMessage()));
        assertEquals(ids(items), new ArrayList<>(run.outcomes().keySet()), "one outcome per item, in order");
        for (TransferItem item : items) {
            ItemOutcome outcome = run.outcome(item.id()).orElseThrow();
            run.failure(item.id()).ifPresent(e -> fail(item.id() + " failed: " + e.getMessage()));
            if (outcome == ItemOutcome.TRANSFERRED && supportsUndo() && !item.irreversible()) {
                assertTrue(run.record(item.id()).isPresent(), "undo record of " + item.id());
            }
        }
        assertTrue(run.announcedSteps() >= 0, "progress announced");
        assertEquals(run.announcedSteps(), run.doneSteps(), "progress reaches the announced steps");

        VerificationReport verification = harness.verify(run);
        assertTrue(verification.consistent(), () -> "verification does not add up: " + verification.findings()
                + ", items without objects: " + verification.itemsWithoutObjects());
        assertTrue(verification.objects().stream().anyMatch(o -> o.actual() == org.campus.spi.transfer.ObjectFate.MOVED),
                "something moved");
    }

    @Test
    void undoRestoresThePreviousStateExactly() throws Exception {
        assumeTrue(supportsUndo(), "the provider has no undo");
        TransferHarness harness = harness();
        Object before = snapshot();
        List<TransferItem> items = reversible(harness.list());
        TransferRun run = harness.transfer(items, preferredResolutions(items));
        assertFalse(before.equals(snapshot()), "the transfer changed nothing");

        UndoReport undo = harness.undo(run);
        assertEquals(Map.of(), undo.refused(), "refused");
        assertEquals(recorded(run), undo.undone(), "every recorded item undone");
        assertEquals(before, snapshot(), "undo restores the state before the transfer");
    }

    @Test
    void undoDryRunAndASecondUndoChangeNothing() throws Exception {
        assumeTrue(supportsUndo(), "the provider has no undo");
        TransferHarness harness = harness();
        Object before = snapshot();
        List<TransferItem> items = reversible(harness.list());
        TransferRun run = harness.transfer(items, preferredResolutions(items));
        Object after = snapshot();

        UndoReport dryRun = harness.undoDryRun(run);
        assertEquals(recorded(run), dryRun.undone(), "a dry run reports every recorded item undoable");
        assertEquals(after, snapshot(), "a dry run changes nothing");

        harness.undo(run);
        assertEquals(before, snapshot());
        UndoReport again = harness.undo(run);
        assertEquals(recorded(run), reported(again), "a second undo reports every item again (undone or refused)");
        assertEquals(before, snapshot(), "a second undo changes nothing");
    }

    @TestFactory
    Stream<DynamicTest> everyOfferedResolutionTransfersVerifiesAndUndoes() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (TransferItem item : harness().list()) {
            Optional<Conflict> conflict = item.conflict();
            if (conflict.isEmpty()) {
                continue;
            }
            for (ResolutionOption option : conflict.get().options()) {
                String itemId = item.id();
                Resolution resolution = option.resolution();
                tests.add(DynamicTest.dynamicTest(itemId + " " + resolution,
                        () -> resolveOneItem(itemId, resolution)));
            }
        }
        assumeTrue(!tests.isEmpty(), "the fixture has no conflict");
        return tests.stream();
    }

    private void resolveOneItem(String itemId, Resolution resolution) throws Exception {
        createFixture();
        TransferHarness harness = harness();
        Object before = snapshot();
        TransferItem item = harness.list().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new AssertionError("a fresh fixture no longer lists " + itemId));
        ResolutionOption option = item.conflict().orElseThrow().option(resolution).orElseThrow();
        TransferRun run = harness.transfer(List.of(item), Map.of(itemId, resolution));
        run.failure(itemId).ifPresent(e -> fail(itemId + " with " + resolution + " failed: " + e.getMessage()));

        if (resolution == Resolution.SKIP) {
            assertEquals(Optional.of(ItemOutcome.SKIPPED), run.outcome(itemId), "SKIP skips");
            assertEquals(before, snapshot(), "SKIP changes nothing");
        } else {
            assertEquals(Optional.of(ItemOutcome.TRANSFERRED), run.outcome(itemId), itemId + " with " + resolution);
        }
        VerificationReport verification = harness.verify(run);
        assertTrue(verification.consistent(), () -> resolution + ": " + verification.findings()
                + ", items without objects: " + verification.itemsWithoutObjects());
        if (resolution != Resolution.SKIP && supportsUndo() && !item.irreversible() && !option.irreversible()) {
            UndoReport undo = harness.undo(run);
            assertEquals(Set.of(itemId), undo.undone(), resolution + " undone; refused: " + undo.refused());
            assertEquals(before, snapshot(), "undo of " + resolution + " restores the state before");
        }
    }

    @Test
    void undoRefusesAnItemChangedSinceTheTransfer() throws Exception {
        assumeTrue(supportsUndo(), "the provider has no undo");
        TransferHarness harness = harness();
        List<TransferItem> items = reversible(harness.list());
        TransferRun run = harness.transfer(items, preferredResolutions(items));
        TransferItem changed = items.stream()
                .filter(i -> run.outcome(i.id()).orElse(null) == ItemOutcome.TRANSFERRED).findFirst().orElseThrow();
        assumeTrue(changeAfterTransfer(changed), "the test cannot change data behind an item");
        Object afterChange = snapshot();

        UndoReport dryRun = harness.undoDryRun(run);
        assertEquals(UndoRefusal.CHANGED_SINCE,
                Optional.ofNullable(dryRun.refused().get(changed.id())).map(UndoReport.Refusal::reason).orElse(null),
                "the dry run refuses " + changed.id());
        assertEquals(afterChange, snapshot(), "the dry run changes nothing");

        UndoReport undo = harness.undo(run);
        UndoReport.Refusal refusal = undo.refused().get(changed.id());
        assertNotNull(refusal, changed.id() + " is refused");
        assertEquals(UndoRefusal.CHANGED_SINCE, refusal.reason());
        assertFalse(refusal.detail().isBlank(), "the refusal says what changed");
        assertFalse(undo.undone().contains(changed.id()));
    }

    @Test
    void aCancelledTransferChangesNothing() throws Exception {
        TransferHarness harness = harness();
        Object before = snapshot();
        List<TransferItem> items = harness.list();
        TransferRun run = harness.transfer(items, preferredResolutions(items), new TransferHarness.Options().cancelled());
        assertTrue(run.outcomes().values().stream().noneMatch(o -> o == ItemOutcome.TRANSFERRED),
                "nothing transferred: " + run.outcomes());
        assertEquals(before, snapshot());
    }

    @Test
    void cancellationStopsBetweenItems() throws Exception {
        TransferHarness harness = harness();
        List<TransferItem> items = harness.list();
        TransferRun run = harness.transfer(items, preferredResolutions(items),
                new TransferHarness.Options().cancelAfter(1));
        assertEquals(1, run.outcomes().size(), "the provider stops after the item it was working on: " + run.outcomes());
        if (supportsUndo() && run.outcome(items.get(0).id()).orElse(null) == ItemOutcome.TRANSFERRED
                && !items.get(0).irreversible()) {
            assertTrue(run.record(items.get(0).id()).isPresent(), "the finished item keeps its undo record");
        }
    }

    @Test
    void aTransferInterruptedMidItemCompletesFromItsPreparedRecord() throws Exception {
        assumeTrue(supportsUndo(), "the provider has no undo");
        TransferHarness harness = harness();
        Object before = snapshot();
        List<TransferItem> items = reversible(harness.list());
        Map<String, Resolution> resolutions = preferredResolutions(items);
        TransferItem victim = items.stream()
                .filter(i -> resolutions.get(i.id()) != Resolution.SKIP).findFirst().orElseThrow();

        TransferRun interrupted = harness.transfer(items, resolutions,
                new TransferHarness.Options().crashAt(victim.id()));
        assertTrue(interrupted.crashed(), "the provider let the node's crash through");
        assertTrue(interrupted.preparedRecord(victim.id()).isPresent(),
                "the undo record was prepared before the data changed");
        assertTrue(interrupted.outcome(victim.id()).isEmpty());

        TransferRun resumed = harness.resume(interrupted);
        assertFalse(resumed.crashed());
        for (TransferItem item : items) {
            assertTrue(resumed.outcome(item.id()).isPresent(), "outcome of " + item.id() + " after resuming");
            resumed.failure(item.id()).ifPresent(e -> fail(item.id() + " failed on resume: " + e.getMessage()));
        }
        VerificationReport verification = harness.verify(resumed);
        assertTrue(verification.consistent(), () -> "after resuming: " + verification.findings());

        UndoReport undo = harness.undo(resumed);
        assertEquals(Map.of(), undo.refused());
        assertEquals(before, snapshot(), "undo after a resumed transfer restores the state before it");
    }

    @Test
    void anEmptySelectionChangesNothing() throws Exception {
        Object before = snapshot();
        TransferRun run = harness().transfer(List.of(), Map.of());
        assertTrue(run.outcomes().isEmpty());
        run.thrown().ifPresent(e -> fail("an empty transfer failed: " + e.getMessage()));
        assertEquals(before, snapshot());
    }

    @Test
    void healthIsNotDownAfterWorkingWithTheFixture() throws Exception {
        harness().list();
        ProviderHealth health = provider().health();
        assertNotNull(health, "health() answers");
        assertNotEquals(ProviderHealth.Status.DOWN, health.status(), "down against the fixture: " + health.detail());
    }

    /** The recommended resolution of each conflict, else its first offered one other than SKIP. */
    protected static Map<String, Resolution> preferredResolutions(List<TransferItem> items) {
        Map<String, Resolution> resolutions = new HashMap<>();
        for (TransferItem item : items) {
            item.conflict().ifPresent(c -> resolutions.put(item.id(), c.recommended().orElseGet(() -> c.options()
                    .stream().map(ResolutionOption::resolution).filter(r -> r != Resolution.SKIP).findFirst()
                    .orElse(Resolution.SKIP))));
        }
        return resolutions;
    }

    private static List<TransferItem> reversible(List<TransferItem> items) {
        List<TransferItem> reversible = items.stream().filter(i -> !i.irreversible()).toList();
        assumeTrue(!reversible.isEmpty(), "no reversible item");
        return reversible;
    }

    private static Set<String> recorded(TransferRun run) {
        Set<String> ids = new HashSet<>();
        for (TransferItem item : run.items()) {
            Optional<UndoRecord> record = run.record(item.id());
            if (record.isPresent()) {
                ids.add(item.id());
            }
        }
        return ids;
    }

    private static Set<String> reported(UndoReport report) {
        Set<String> ids = new HashSet<>(report.undone());
        ids.addAll(report.refused().keySet());
        return ids;
    }

    private static List<String> ids(List<TransferItem> items) {
        return items.stream().map(TransferItem::id).toList();
    }
}
