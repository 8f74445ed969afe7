package org.campus.transfer.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.WorkflowAuthorship;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.spi.transfer.ChangeAction;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.OwnedRows;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Moves the workflow records a user authored to another account: one item per record
 * ({@code record:<id>}); the record's author and the history entries the source made in it change
 * hands together, and the undo record names each of them, so undo gives back exactly those. Records
 * never conflict (a record has one author). History entries the source made in records of other
 * authors stay as they are.
 */
@Component(service = TransferProvider.class, property = {
        TransferProvider.PROPERTY_ID + "=" + WorkflowTransferProvider.ID,
        TransferProvider.PROPERTY_TITLE + "=Workflow records",
        TransferProvider.PROPERTY_ITEM_TYPES + "=" + WorkflowTransferProvider.TYPE,
        TransferProvider.PROPERTY_UNDO + ":Boolean=true" })
public class WorkflowTransferProvider implements TransferProvider {

    static final String ID = "workflow";
    static final String TYPE = "workflow-record";
    static final String HISTORY = "workflow-history";
    static final String PREFIX = "record:";
    static final int BATCH = 200;

    private final WorkflowAuthorship records;

    @Activate
    public WorkflowTransferProvider(@Reference WorkflowAuthorship records) {
        this.records = records;
    }

    @Override
    public void listItems(ListingRequest request, ListingContext context) {
        long after = 0;
        List<WorkflowRecord> page;
        do {
            page = records.authoredBy(request.source().id(), after, BATCH);
            for (WorkflowRecord r : page) {
                context.item(PREFIX + r.id(), TYPE)
                        .title("Record " + r.lmsRecordId() + " in course " + r.courseId() + " (" + r.state() + ")")
                        .info("Its author and the history entries the source made in it move together")
                        .course(r.courseId())
                        .add();
                after = r.id();
            }
        } while (page.size() == BATCH);
    }

    @Override
    public void transfer(ExecutionRequest request, ExecutionContext context) throws TransferException {
        LmsId from = request.source().id();
        LmsId to = request.target().id();
        context.initProgress(request.selectionCount());
        for (Selection s : request.selections()) {
            if (context.isCancelled()) {
                return;
            }
            String itemId = s.item().id();
            long id = recordId(itemId);
            UndoRecord record = s.preparedRecord().orElse(null);
            if (record == null) {
                // the entries to move are named before anything changes, so that undo gives back exactly these
                UndoRecordBuilder b = context.undoRecord(itemId).moved(TYPE, Long.toString(id), from, to);
                records.historyOf(id, from).forEach(h -> b.moved(HISTORY, Long.toString(h), from, to));
                record = b.build();
                context.prepare(record);
            }
            boolean moved = records.move(id, historyIds(Optional.of(record)), from, to)
                    || s.preparedRecord().isPresent() && to.equals(records.authors(List.of(id)).get(id));
            if (moved) {
                context.transferred(itemId, record);
            } else {
                context.failed(itemId, new TransferException("workflow record " + id + " or its history changed since"
                        + " the preview", "The record no longer belongs to the source account as it did; preview again."),
                        null);
            }
            context.incrementProgress(1);
        }
    }

    @Override
    public void undo(UndoRequest request, UndoContext context) {
        LmsId from = request.source().id();
        LmsId to = request.target().id();
        for (Map<Long, TransferredItem> batch : OwnedRows.batches(request.items(), PREFIX, BATCH)) {
            Map<Long, LmsId> authors = records.authors(batch.keySet());
            batch.forEach((id, t) -> {
                LmsId author = authors.get(id);
                if (!to.equals(author)) {
                    context.refused(t.item().id(), UndoRefusal.CHANGED_SINCE, author == null
                            ? "the record no longer exists" : "the record's author is user " + author + " now");
                } else if (request.dryRun()) {
                    context.undone(t.item().id());
                } else if (records.move(id, historyIds(t.undoRecord()), to, from)) {
                    context.undone(t.item().id());
                } else {
                    context.refused(t.item().id(), UndoRefusal.CHANGED_SINCE,
                            "an entry of the record's history changed hands since the transfer");
                }
            });
        }
    }

    @Override
    public void verify(VerificationRequest request, VerificationContext context) {
        OwnedRows.verifyOwners(request, context, PREFIX, TYPE, BATCH, records::authors, "the record no longer exists");
    }

    private static List<Long> historyIds(Optional<UndoRecord> record) {
        List<Long> ids = new ArrayList<>();
        for (ObjectChange c : record.map(UndoRecord::changes).orElse(List.of())) {
            if (c.action() == ChangeAction.MOVED && HISTORY.equals(c.objectType())) {
                ids.add(Long.parseLong(c.objectId()));
            }
        }
        return ids;
    }

    static long recordId(String itemId) {
        return OwnedRows.rowId(itemId, PREFIX);
    }
}
