package org.campus.testkit.transfer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.campus.spi.transfer.ChangeAction;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ItemBuilder;
import org.campus.spi.transfer.ItemOutcome;
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
import org.campus.spi.transfer.UndoRecordBuilder;
import org.campus.spi.transfer.UndoRefusal;
import org.campus.spi.transfer.UndoRequest;
import org.campus.spi.transfer.VerificationContext;
import org.campus.spi.transfer.VerificationRequest;

/**
 * A small but complete provider over an in-memory store of notes (key to text per user), used to
 * test the kit itself. A note conflicts when the target has a note under the same key. Its undo
 * record's data holds the three cells it may touch (source's key, target's key, target's copy key),
 * before and after.
 */
class NotesProvider implements TransferProvider {

    static final String TYPE = "note";
    final NotesStore store;

    NotesProvider(NotesStore store) {
        this.store = store;
    }

    @Override
    public void listItems(ListingRequest request, ListingContext context) {
        String source = request.source().id().value();
        String target = request.target().id().value();
        store.of(source).forEach((key, text) -> {
            ItemBuilder item = context.item("note:" + key, TYPE).title(key).info(text).parameter("key", key);
            if (store.get(target, key) != null) {
                item.conflict("Both accounts have a note " + key)
                        .offer(Resolution.KEEP_SOURCE, "The target's note becomes the source's")
                        .offer(Resolution.KEEP_TARGET, "The target keeps its note; the source's is removed")
                        .offer(Resolution.KEEP_BOTH, "The source's note moves next to the target's, as " + copyKey(key, source))
                        .offer(Resolution.MERGE, "The two texts are joined in the target's note")
                        .recommend(Resolution.MERGE);
            }
            item.add();
        });
    }

    @Override
    public void transfer(ExecutionRequest request, ExecutionContext context) {
        String source = request.source().id().value();
        String target = request.target().id().value();
        context.initProgress(request.selectionCount());
        for (Selection selection : request.selections()) {
            if (context.isCancelled()) {
                return;
            }
            String itemId = selection.item().id();
            String key = selection.item().parameters().get("key");
            Cells before;
            if (selection.preparedRecord().isPresent()) {
                before = Cells.decode(selection.preparedRecord().get().data()).before();
            } else {
                before = new Cells(store.get(source, key), store.get(target, key), store.get(target, copyKey(key, source)));
            }
            if (before.source() == null) {
                context.failed(itemId, new TransferException("note " + key + " of " + source + " is gone",
                        "The note is no longer there; preview again."), null);
                context.incrementProgress(1);
                continue;
            }
            Resolution resolution = selection.resolution().orElse(null);
            if (before.target() != null && resolution == null) {
                context.failed(itemId, new TransferException("note " + key + " conflicts now",
                        "The target has a note with this key since the preview; preview again."), null);
                context.incrementProgress(1);
                continue;
            }
            if (resolution == Resolution.SKIP) {
                context.skipped(itemId, "SKIP chosen");
                context.incrementProgress(1);
                continue;
            }
            Cells after = after(before, resolution);
            UndoRecord record = record(context.undoRecord(itemId), key, source, target, before, after, resolution);
            context.prepare(record);
            write(source, target, key, after);
            context.transferred(itemId, record);
            context.incrementProgress(1);
        }
    }

    Cells after(Cells before, Resolution resolution) {
        if (before.target() == null) {
            return new Cells(null, before.source(), before.copy());
        }
        return switch (resolution) {
            case KEEP_SOURCE -> new Cells(null, before.source(), before.copy());
            case KEEP_TARGET -> new Cells(null, before.target(), before.copy());
            case KEEP_BOTH -> new Cells(null, before.target(), before.source());
            case MERGE -> new Cells(null, before.target() + " | " + before.source(), before.copy());
            default -> throw new IllegalArgumentException(resolution.name());
        };
    }

    private UndoRecord record(UndoRecordBuilder builder, String key, String source, String target, Cells before,
            Cells after, Resolution resolution) {
        org.campus.api.workflow.LmsId s = org.campus.api.workflow.LmsId.of(source);
        org.campus.api.workflow.LmsId t = org.campus.api.workflow.LmsId.of(target);
        if (before.target() == null || resolution == Resolution.KEEP_SOURCE) {
            builder.moved(TYPE, "source:" + key, s, t);
            if (before.target() != null) {
                builder.deleted(TYPE, "target:" + key, t, before.target());
            }
        } else if (resolution == Resolution.KEEP_TARGET) {
            builder.deleted(TYPE, "source:" + key, s, before.source()).kept(TYPE, "target:" + key, t);
        } else if (resolution == Resolution.KEEP_BOTH) {
            builder.moved(TYPE, "source:" + key, s, t).kept(TYPE, "target:" + key, t);
        } else {
            builder.moved(TYPE, "source:" + key, s, t).updated(TYPE, "target:" + key, t, before.target());
        }
        return builder.data(new Snapshot(key, before, after).encode()).build();
    }

    void write(String source, String target, String key, Cells cells) {
        store.put(source, key, cells.source());
        store.put(target, key, cells.target());
        store.put(target, copyKey(key, source), cells.copy());
    }

    @Override
    public void undo(UndoRequest request, UndoContext context) {
        String source = request.source().id().value();
        String target = request.target().id().value();
        for (TransferredItem item : request.items()) {
            Snapshot snapshot = Cells.decode(item.undoRecord().orElseThrow().data());
            Cells now = new Cells(store.get(source, snapshot.key()), store.get(target, snapshot.key()),
                    store.get(target, copyKey(snapshot.key(), source)));
            if (!now.equals(snapshot.after())) {
                context.refused(item.item().id(), UndoRefusal.CHANGED_SINCE,
                        "The note " + snapshot.key() + " changed since the transfer.");
                continue;
            }
            if (!request.dryRun()) {
                restore(source, target, snapshot);
            }
            context.undone(item.item().id());
        }
    }

    void restore(String source, String target, Snapshot snapshot) {
        write(source, target, snapshot.key(), snapshot.before());
    }

    @Override
    public void verify(VerificationRequest request, VerificationContext context) {
        String source = request.source().id().value();
        String target = request.target().id().value();
        for (TransferredItem item : request.items()) {
            String key = item.item().parameters().get("key");
            if (item.outcome() != ItemOutcome.TRANSFERRED || item.undoRecord().isEmpty()) {
                boolean there = store.get(source, key) != null;
                context.object(item.item().id(), TYPE, "source:" + key, ObjectFate.STAYED,
                        there ? ObjectFate.STAYED : ObjectFate.LOST, there ? null : "the source's note is gone");
                continue;
            }
            Snapshot snapshot = Cells.decode(item.undoRecord().get().data());
            for (ObjectChange change : item.undoRecord().get().changes()) {
                ObjectFate expected = switch (change.action()) {
                    case MOVED, CREATED, UPDATED -> ObjectFate.MOVED;
                    case DELETED -> ObjectFate.REMOVED;
                    case KEPT -> ObjectFate.STAYED;
                };
                ObjectFate actual = actual(change, snapshot, source, target, key);
                context.object(item.item().id(), TYPE, change.objectId(), expected, actual, null);
            }
        }
    }

    private ObjectFate actual(ObjectChange change, Snapshot snapshot, String source, String target, String key) {
        boolean sourceHas = store.get(source, key) != null;
        boolean targetHasAfter = Objects.equals(store.get(target, key), snapshot.after().target());
        boolean copyHasAfter = Objects.equals(store.get(target, copyKey(key, source)), snapshot.after().copy());
        if (change.action() == ChangeAction.DELETED) {
            return change.previousOwner().value().equals(source) && sourceHas ? ObjectFate.STAYED : ObjectFate.REMOVED;
        }
        if (change.action() == ChangeAction.KEPT) {
            return targetHasAfter ? ObjectFate.STAYED : ObjectFate.LOST;
        }
        if (targetHasAfter && copyHasAfter) {
            return ObjectFate.MOVED;
        }
        return sourceHas ? ObjectFate.STAYED : ObjectFate.LOST;
    }

    static String copyKey(String key, String source) {
        return key + "~" + source;
    }

    /** The three cells a note's transfer may touch. */
    record Cells(String source, String target, String copy) {

        static Snapshot decode(String data) {
            Map<String, String> map = new HashMap<>();
            for (String line : data.split("\n")) {
                int eq = line.indexOf('=');
                map.put(line.substring(0, eq), line.substring(eq + 1).equals("\u0000") ? null
                        : line.substring(eq + 1).replace("\\n", "\n"));
            }
            return new Snapshot(map.get("key"), new Cells(map.get("bs"), map.get("bt"), map.get("bc")),
                    new Cells(map.get("as"), map.get("at"), map.get("ac")));
        }
    }

    record Snapshot(String key, Cells before, Cells after) {
        String encode() {
            Map<String, String> map = new HashMap<>();
            map.put("key", key);
            map.put("bs", before.source());
            map.put("bt", before.target());
            map.put("bc", before.copy());
            map.put("as", after.source());
            map.put("at", after.target());
            map.put("ac", after.copy());
            return map.entrySet().stream()
                    .map(e -> e.getKey() + "=" + (e.getValue() == null ? "\u0000" : e.getValue().replace("\n", "\\n")))
                    .sorted().collect(Collectors.joining("\n"));
        }
    }
}
