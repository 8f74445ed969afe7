package org.campus.transfer.archive.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveJobUsers;
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
 * Moves the archive jobs made for a user to another account: one item per job ({@code job:<id>},
 * type {@code archive-job}), the job's user changed, its previous user recorded for undo. Archive
 * jobs never conflict (a job is made for one user, and both accounts may have archives of the same
 * course); the archive itself, its storage and its time-stamp do not change.
 */
@Component(service = TransferProvider.class, property = {
        TransferProvider.PROPERTY_ID + "=" + ArchiveTransferProvider.ID,
        TransferProvider.PROPERTY_TITLE + "=Archive jobs",
        TransferProvider.PROPERTY_ITEM_TYPES + "=" + ArchiveTransferProvider.TYPE,
        TransferProvider.PROPERTY_UNDO + ":Boolean=true" })
public class ArchiveTransferProvider implements TransferProvider {

    static final String ID = "archive";
    static final String TYPE = "archive-job";
    static final String PREFIX = "job:";
    /** Jobs read, moved or checked per call of the ownership service. */
    static final int BATCH = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ArchiveJobUsers jobs;

    @Activate
    public ArchiveTransferProvider(@Reference ArchiveJobUsers jobs) {
        this.jobs = jobs;
    }

    @Override
    public void listItems(ListingRequest request, ListingContext context) {
        long after = 0;
        List<ArchiveJob> page;
        do {
            page = jobs.ofUser(request.source().id(), after, BATCH);
            for (ArchiveJob j : page) {
                context.item(PREFIX + j.id(), TYPE)
                        .title(title(j))
                        .info("Archive job " + j.id() + "; the archive and its storage stay as they are, only whose"
                                + " job it is changes")
                        .course(j.courseId())
                        .add();
                after = j.id();
            }
        } while (page.size() == BATCH);
    }

    static String title(ArchiveJob j) {
        return "Archive of course " + j.courseId() + ", created " + TIME.format(j.created().truncatedTo(ChronoUnit.MINUTES));
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
            long id = jobId(s.item().id());
            UndoRecord record = s.preparedRecord().orElse(null);
            boolean resumed = record != null;
            if (!resumed) {
                record = context.undoRecord(s.item().id()).moved(TYPE, Long.toString(id), from, to).build();
                context.prepare(record);
            }
            boolean moved = !jobs.reassign(List.of(id), from, to).isEmpty()
                    || resumed && to.equals(jobs.users(List.of(id)).get(id));
            if (moved) {
                context.transferred(s.item().id(), record);
            } else {
                context.failed(s.item().id(), new TransferException("archive job " + id + " is not user " + from
                        + "'s any more", "The archive job no longer belongs to the source account; preview again."),
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
            Map<Long, LmsId> users = jobs.users(batch.keySet());
            batch.forEach((id, t) -> {
                String itemId = t.item().id();
                LmsId user = users.get(id);
                if (!to.equals(user)) {
                    context.refused(itemId, UndoRefusal.CHANGED_SINCE, user == null
                            ? "the archive job no longer exists or names no user"
                            : "the archive job is user " + user + "'s now, not the target's");
                    return;
                }
                // the user the record says the job had before; the source unless the record says otherwise
                LmsId previous = t.undoRecord().flatMap(r -> r.changes().stream().findFirst())
                        .map(c -> c.previousOwner()).orElse(from);
                if (request.dryRun() || !jobs.reassign(List.of(id), to, previous).isEmpty()) {
                    context.undone(itemId);
                } else {
                    context.refused(itemId, UndoRefusal.CHANGED_SINCE, "the archive job changed hands meanwhile");
                }
            });
        }
    }

    @Override
    public void verify(VerificationRequest request, VerificationContext context) {
        OwnedRows.verifyOwners(request, context, PREFIX, TYPE, BATCH, jobs::users,
                "the archive job no longer exists or names no user");
    }

    static long jobId(String itemId) {
        return OwnedRows.rowId(itemId, PREFIX);
    }

}
