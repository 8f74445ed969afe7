package org.campus.core.internal.transfer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.ObjectFate;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.Selection;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferredItem;
import org.campus.spi.transfer.UndoContext;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRefusal;
import org.campus.spi.transfer.UndoRequest;
import org.campus.spi.transfer.VerificationContext;
import org.campus.spi.transfer.VerificationRequest;

/**
 * A provider of notes owned by users, in memory: a note whose title the target also has conflicts.
 * It can be told to stop the transfer at an item, and to wait at each item (for cancel tests).
 */
final class MemoryProvider implements TransferProvider {

    /** note id to owner. */
    final Map<String, String> owner = new ConcurrentHashMap<>();
    /** note id to title. */
    final Map<String, String> title = new ConcurrentHashMap<>();
    volatile String stopAt;
    volatile long pauseMillis;

    void note(String id, String user, String noteTitle) {
        owner.put(id, user);
        title.put(id, noteTitle);
    }

    @Override
    public void listItems(ListingRequest request, ListingContext context) {
        String source = request.source().id().value();
        String target = request.target().id().value();
        Map<String, String> targetTitles = new LinkedHashMap<>();
        owner.forEach((id, who) -> {
            if (who.equals(target)) {
                targetTitles.put(title.get(id), id);
            }
        });
        owner.keySet().stream().sorted().filter(id -> owner.get(id).equals(source)).forEach(id -> {
            var item = context.item(id, "note").title(title.get(id)).course(LmsId.of(7));
            if (targetTitles.containsKey(title.get(id))) {
                item.conflict("the target has a note with this title").offer(Resolution.KEEP_BOTH, "both notes")
                        .offer(Resolution.KEEP_TARGET, "the source's note is dropped");
            }
            item.add();
        });
    }

    @Override
    public void transfer(ExecutionRequest request, ExecutionContext context) throws TransferException {
        LmsId from = request.source().id();
        LmsId to = request.target().id();
        for (Selection s : request.selections()) {
            if (context.isCancelled()) {
                return;
            }
            String id = s.item().id();
            if (id.equals(stopAt)) {
                throw new TransferException("stop at " + id, "the note store is unreachable", true, null);
            }
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Resolution r = s.resolution().orElse(null);
            if (r == Resolution.SKIP) {
                context.skipped(id, "skipped");
                continue;
            }
            if (r == Resolution.KEEP_TARGET) {
                UndoRecord rec = context.undoRecord(id).deleted("note", id, from, title.get(id)).build();
                context.prepare(rec);
                owner.remove(id);
                context.transferred(id, rec);
                continue;
            }
            UndoRecord rec = context.undoRecord(id).moved("note", id, from, to).build();
            context.prepare(rec);
            owner.put(id, to.value());
            context.transferred(id, rec);
        }
    }

    @Override
    public void undo(UndoRequest request, UndoContext context) {
        for (TransferredItem t : request.items()) {
            String id = t.item().id();
            ObjectChange c = t.undoRecord().orElseThrow().changes().get(0);
            boolean asLeft = switch (c.action()) {
                case DELETED -> !owner.containsKey(id);
                default -> c.owner().value().equals(owner.get(id));
            };
            if (!asLeft) {
                context.refused(id, UndoRefusal.CHANGED_SINCE, "note " + id + " changed since the transfer");
                continue;
            }
            if (!request.dryRun()) {
                owner.put(id, c.previousOwner().value());
                if (c.previousState() != null) {
                    title.put(id, c.previousState());
                }
            }
            context.undone(id);
        }
    }

    @Override
    public void verify(VerificationRequest request, VerificationContext context) {
        for (TransferredItem t : request.items()) {
            String id = t.item().id();
            if (t.undoRecord().isEmpty()) {
                context.object(id, "note", id, ObjectFate.STAYED,
                        request.source().id().value().equals(owner.get(id)) ? ObjectFate.STAYED : ObjectFate.LOST, null);
                continue;
            }
            ObjectChange c = t.undoRecord().get().changes().get(0);
            switch (c.action()) {
                case DELETED -> context.object(id, "note", id, ObjectFate.REMOVED,
                        owner.containsKey(id) ? ObjectFate.STAYED : ObjectFate.REMOVED, null);
                default -> context.object(id, "note", id, ObjectFate.MOVED,
                        c.owner().value().equals(owner.get(id)) ? ObjectFate.MOVED : ObjectFate.LOST, null);
            }
        }
    }
}
