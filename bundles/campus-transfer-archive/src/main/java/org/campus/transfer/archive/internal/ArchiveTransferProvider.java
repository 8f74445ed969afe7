package org.campus.transfer.archive.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveJobUsers;
import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.ObjectFate;
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
        Iterator<TransferredItem> items = request.items().iterator();
        while (items.hasNext()) {
            Map<Long, String> batch = new LinkedHashMap<>();
            Map<Long, LmsId> previous = new LinkedHashMap<>();
            while (items.hasNext() && batch.size() < BATCH) {
                TransferredItem t = items.next();
                long id = jobId(t.item().id());
                batch.put(id, t.item().id());
                // the user the record says the job had before; the source unless the record says otherwise
                previous.put(id, t.undoRecord().flatMap(r -> r.changes().stream().findFirst())
                        .map(c -> c.previousOwner()).orElse(from));
            }
            Map<Long, LmsId> users = jobs.users(batch.keySet());
            List<Long> undoable = new ArrayList<>();
            batch.forEach((id, itemId) -> {
                LmsId user = users.get(id);
                if (to.equals(user)) {
                    undoable.add(id);
                } else {
                    context.refused(itemId, UndoRefusal.CHANGED_SINCE, user == null
                            ? "the archive job no longer exists or names no user"
                            : "the archive job is user " + user + "'s now, not the target's");
                }
            });
            for (long id : undoable) {
                boolean back = request.dryRun() || !jobs.reassign(List.of(id), to, previous.get(id)).isEmpty();
                if (back) {
                    context.undone(batch.get(id));
                } else {
                    context.refused(batch.get(id), UndoRefusal.CHANGED_SINCE, "the archive job changed hands meanwhile");
                }
            }
        }
    }

    @Override
    public void verify(VerificationRequest request, VerificationContext context) {
        LmsId from = request.source().id();
        LmsId to = request.target().id();
        Iterator<TransferredItem> items = request.items().iterator();
        while (items.hasNext()) {
            Map<Long, TransferredItem> batch = new LinkedHashMap<>();
            while (items.hasNext() && batch.size() < BATCH) {
                TransferredItem t = items.next();
                batch.put(jobId(t.item().id()), t);
            }
            Map<Long, LmsId> users = jobs.users(batch.keySet());
            batch.forEach((id, t) -> {
                boolean moved = t.undoRecord().isPresent() && t.outcome() == ItemOutcome.TRANSFERRED;
                LmsId user = users.get(id);
                ObjectFate actual = to.equals(user) ? ObjectFate.MOVED : from.equals(user) ? ObjectFate.STAYED
                        : ObjectFate.LOST;
                context.object(t.item().id(), TYPE, Long.toString(id), moved ? ObjectFate.MOVED : ObjectFate.STAYED,
                        actual, user == null ? "the archive job no longer exists or names no user" : null);
            });
        }
    }

    static long jobId(String itemId) {
        if (!itemId.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an archive job item: " + itemId);
        }
        return Long.parseLong(itemId.substring(PREFIX.length()));
    }

}
