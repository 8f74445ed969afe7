package org.campus.testkit.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.Selection;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.TransferredItem;
import org.campus.spi.transfer.UndoRefusal;

/**
 * Plays the core for one provider and two users: implements the SPI's contexts and builders in
 * memory, with the checks the core applies (an {@link IllegalArgumentException} or
 * {@link IllegalStateException} reaches the provider where the core would throw one), and records
 * what the provider reports.
 *
 * <pre>{@code
 * TransferHarness harness = new TransferHarness(provider, source, target);
 * List<TransferItem> items = harness.list();
 * TransferRun run = harness.transfer(items, Map.of("enrolment:12", Resolution.MERGE));
 * VerificationReport verification = harness.verify(run);
 * UndoReport undo = harness.undo(run);
 * }</pre>
 */
public final class TransferHarness {

    private static final AtomicInteger TRANSFER_IDS = new AtomicInteger();

    private final TransferProvider provider;
    private final TransferUser source;
    private final TransferUser target;
    private final boolean undoSupported;

    public TransferHarness(TransferProvider provider, TransferUser source, TransferUser target) {
        this(provider, source, target, true);
    }

    private TransferHarness(TransferProvider provider, TransferUser source, TransferUser target,
            boolean undoSupported) {
        this.provider = provider;
        this.source = source;
        this.target = target;
        this.undoSupported = undoSupported;
    }

    /** For a provider that declares no undo ({@code campus.transfer.undo} absent or false). */
    public TransferHarness withoutUndo() {
        return new TransferHarness(provider, source, target, false);
    }

    /** What the provider lists for the two users. */
    public List<TransferItem> list() throws TransferException {
        RecordingListingContext context = new RecordingListingContext(() -> false);
        provider.listItems(new Requests.Listing(source, target), context);
        return List.copyOf(context.items);
    }

    /** Transfers the given items with the given resolutions (by item id; absent for items without conflict). */
    public TransferRun transfer(List<TransferItem> items, Map<String, Resolution> resolutions) {
        return transfer(items, resolutions, new Options());
    }

    public TransferRun transfer(List<TransferItem> items, Map<String, Resolution> resolutions, Options options) {
        String transferId = "t" + TRANSFER_IDS.incrementAndGet();
        List<Selection> selections = new ArrayList<>();
        for (TransferItem item : items) {
            selections.add(new Requests.Choice(item, Optional.ofNullable(resolutions.get(item.id())), Optional.empty()));
        }
        return execute(transferId, 1, items, resolutions, selections, Map.of(), Map.of(), options);
    }

    /**
     * Runs a transfer again after a {@linkplain Options#crashAt crash}, as the core does after it
     * lost a node: the items without an outcome are selected again, each with the undo record its
     * earlier attempt prepared.
     */
    public TransferRun resume(TransferRun interrupted) {
        List<Selection> selections = new ArrayList<>();
        for (TransferItem item : interrupted.items) {
            if (!interrupted.outcomes.containsKey(item.id())) {
                selections.add(new Requests.Choice(item, Optional.ofNullable(interrupted.resolutions.get(item.id())),
                        Optional.ofNullable(interrupted.prepared.get(item.id()))));
            }
        }
        return execute(interrupted.transferId, interrupted.attempt + 1, interrupted.items, interrupted.resolutions,
                selections, interrupted.outcomes, interrupted.prepared, new Options());
    }

    private TransferRun execute(String transferId, int attempt, List<TransferItem> items,
            Map<String, Resolution> resolutions, List<Selection> selections,
            Map<String, RecordingExecutionContext.Outcome> earlierOutcomes,
            Map<String, org.campus.spi.transfer.UndoRecord> earlierPrepared, Options options) {
        Set<String> selected = new LinkedHashSet<>();
        Set<String> irreversible = new HashSet<>();
        for (Selection selection : selections) {
            selected.add(selection.item().id());
            if (selection.item().irreversible() || resolutions.get(selection.item().id()) != null
                    && selection.item().conflict()
                            .flatMap(c -> c.option(resolutions.get(selection.item().id())))
                            .map(o -> o.irreversible()).orElse(false)) {
                irreversible.add(selection.item().id());
            }
        }
        AtomicBoolean cancelled = new AtomicBoolean(options.cancelled);
        RecordingExecutionContext context = new RecordingExecutionContext(selected, irreversible, undoSupported,
                cancelled, options.cancelAfterOutcomes, options.crashAt);
        TransferException thrown = null;
        SimulatedCrash crash = null;
        try {
            provider.transfer(new Requests.Execution(source, target, transferId, attempt, options.sourceAccount,
                    selections), context);
        } catch (TransferException e) {
            thrown = e;
        } catch (SimulatedCrash e) {
            crash = e;
        }
        Map<String, RecordingExecutionContext.Outcome> outcomes = new LinkedHashMap<>(earlierOutcomes);
        outcomes.putAll(context.outcomes);
        Map<String, org.campus.spi.transfer.UndoRecord> prepared = new LinkedHashMap<>(earlierPrepared);
        prepared.putAll(context.prepared);
        return new TransferRun(transferId, attempt, items, resolutions, outcomes, prepared, thrown, crash,
                context.log, context.announcedSteps, context.doneSteps);
    }

    /** Asks the provider where the objects of every item with an outcome are now. */
    public VerificationReport verify(TransferRun run) throws TransferException {
        List<TransferredItem> items = run.transferredItems();
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(i -> ids.add(i.item().id()));
        RecordingVerificationContext context = new RecordingVerificationContext(ids);
        provider.verify(new Requests.Verification(source, target, run.transferId, items), context);
        Set<String> reported = new HashSet<>();
        context.objects.forEach(o -> reported.add(o.itemId()));
        Set<String> without = new LinkedHashSet<>(ids);
        without.removeAll(reported);
        return new VerificationReport(context.objects, without);
    }

    /** Undoes every item that has an undo record, latest first. */
    public UndoReport undo(TransferRun run) throws TransferException {
        return undo(run, false);
    }

    /** Asks, changing nothing, which items an undo would restore now. */
    public UndoReport undoDryRun(TransferRun run) throws TransferException {
        return undo(run, true);
    }

    private UndoReport undo(TransferRun run, boolean dryRun) throws TransferException {
        List<TransferredItem> toUndo = new ArrayList<>();
        Map<String, UndoReport.Refusal> refusedByCore = new LinkedHashMap<>();
        for (TransferredItem item : run.transferredItems()) {
            if (item.undoRecord().isPresent()) {
                toUndo.add(item);
            } else if (item.outcome() == ItemOutcome.TRANSFERRED) {
                refusedByCore.put(item.item().id(), new UndoReport.Refusal(UndoRefusal.NOT_SUPPORTED,
                        "This item was transferred without an undo record."));
            }
        }
        Collections.reverse(toUndo);
        Set<String> ids = new LinkedHashSet<>();
        toUndo.forEach(i -> ids.add(i.item().id()));
        RecordingUndoContext context = new RecordingUndoContext(ids);
        provider.undo(new Requests.Undo(source, target, run.transferId, Instant.now(), dryRun, toUndo), context);
        Map<String, UndoReport.Refusal> refused = new LinkedHashMap<>(refusedByCore);
        refused.putAll(context.refused);
        return new UndoReport(dryRun, context.undone, refused, context.log);
    }

    /** How the harness runs one execution. */
    public static final class Options {
        private boolean cancelled;
        private int cancelAfterOutcomes;
        private String crashAt;
        private SourceAccount sourceAccount = SourceAccount.LEFT_AS_IS;

        /** The transfer is cancelled before the provider starts. */
        public Options cancelled() {
            this.cancelled = true;
            return this;
        }

        /** The admin cancels once this many items have an outcome. */
        public Options cancelAfter(int outcomes) {
            this.cancelAfterOutcomes = outcomes;
            return this;
        }

        /** The node dies when the provider reports this item's outcome (after it changed the data). */
        public Options crashAt(String itemId) {
            this.crashAt = itemId;
            return this;
        }

        public Options sourceAccount(SourceAccount sourceAccount) {
            this.sourceAccount = sourceAccount;
            return this;
        }
    }
}
