package org.campus.transfer.sharing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campus.api.sharing.ShareOwnership;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.OwnedRows;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Moves a user's share-progress records to another account: one item per share ({@code share:<id>}),
 * the record's owner changed, its previous owner recorded for undo. Shares never conflict: both
 * accounts may have shared the same activity, and each record stays whole. Timelines move with their
 * share.
 */
@Component(service = TransferProvider.class, property = {
        TransferProvider.PROPERTY_ID + "=" + ShareTransferProvider.ID,
        TransferProvider.PROPERTY_TITLE + "=Share progress",
        TransferProvider.PROPERTY_ITEM_TYPES + "=" + ShareTransferProvider.TYPE,
        TransferProvider.PROPERTY_UNDO + ":Boolean=true" })
public class ShareTransferProvider implements TransferProvider {

    static final String ID = "sharing";
    static final String TYPE = "share";
    static final String PREFIX = "share:";
    /** Shares read, moved or checked per call of the ownership service. */
    static final int BATCH = 200;

    private final ShareOwnership shares;

    @Activate
    public ShareTransferProvider(@Reference ShareOwnership shares) {
        this.shares = shares;
    }

    @Override
    public void listItems(ListingRequest request, ListingContext context) {
        long after = 0;
        List<ShareProgress> page;
        do {
            page = shares.ofUser(request.source().id(), after, BATCH);
            for (ShareProgress s : page) {
                context.item(PREFIX + s.id(), TYPE)
                        .title(title(s))
                        .info("Status " + s.status().code() + (s.resourceUrl() == null ? "" : ", " + s.resourceUrl())
                                + "; its timeline moves with it")
                        .course(s.courseId())
                        .add();
                after = s.id();
            }
        } while (page.size() == BATCH);
    }

    private static String title(ShareProgress s) {
        return (s.type().code().equals("course") ? "Course" : "Activity " + s.cmId()) + " shared in course "
                + s.courseId() + " (" + s.status().code() + ")";
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
            long id = shareId(s.item().id());
            UndoRecord record = s.preparedRecord().orElse(null);
            boolean resumed = record != null;
            if (!resumed) {
                record = context.undoRecord(s.item().id()).moved(TYPE, Long.toString(id), from, to).build();
                context.prepare(record);
            }
            boolean moved = !shares.reassign(List.of(id), from, to).isEmpty()
                    || resumed && to.equals(shares.owners(List.of(id)).get(id));
            if (moved) {
                context.transferred(s.item().id(), record);
            } else {
                context.failed(s.item().id(), new TransferException("share " + id + " does not belong to user " + from
                        + " any more", "The share no longer belongs to the source account; preview again."), null);
            }
            context.incrementProgress(1);
        }
    }

    @Override
    public void undo(UndoRequest request, UndoContext context) {
        LmsId from = request.source().id();
        LmsId to = request.target().id();
        for (Map<Long, TransferredItem> batch : OwnedRows.batches(request.items(), PREFIX, BATCH)) {
            Map<Long, LmsId> owners = shares.owners(batch.keySet());
            List<Long> undoable = new ArrayList<>();
            batch.forEach((id, t) -> {
                LmsId owner = owners.get(id);
                if (to.equals(owner)) {
                    undoable.add(id);
                } else {
                    context.refused(t.item().id(), UndoRefusal.CHANGED_SINCE, owner == null
                            ? "the share no longer exists" : "the share belongs to user " + owner + " now, not to the target");
                }
            });
            Set<Long> back = request.dryRun() ? Set.copyOf(undoable) : shares.reassign(undoable, to, from);
            for (long id : undoable) {
                if (back.contains(id)) {
                    context.undone(batch.get(id).item().id());
                } else {
                    context.refused(batch.get(id).item().id(), UndoRefusal.CHANGED_SINCE,
                            "the share changed hands meanwhile");
                }
            }
        }
    }

    @Override
    public void verify(VerificationRequest request, VerificationContext context) {
        OwnedRows.verifyOwners(request, context, PREFIX, TYPE, BATCH, shares::owners, "the share no longer exists");
    }

    static long shareId(String itemId) {
        return OwnedRows.rowId(itemId, PREFIX);
    }
}
