package org.campus.transfer.moodle.internal;

import java.util.Arrays;

import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.ObjectFate;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferredItem;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.VerificationContext;
import org.campus.spi.transfer.VerificationRequest;

/**
 * Finds every recorded object of the transferred items where it is now (one read per course), and
 * the objects of skipped or rolled-back items where they were before.
 */
final class EnrolmentVerification {

    private final CourseReader reader;

    EnrolmentVerification(CourseReader reader) {
        this.reader = reader;
    }

    void verify(VerificationRequest request, VerificationContext context) throws TransferException {
        long source = MoodleIds.user(request.source());
        long target = MoodleIds.user(request.target());
        String sourceId = String.valueOf(source);
        context.initProgress(request.itemCount());
        for (TransferredItem item : request.items()) {
            String itemId = item.item().id();
            long course = MoodleIds.course(item.item());
            CourseState now = reader.read(course, source, target);
            UndoRecord record = item.undoRecord().orElse(null);
            if (record != null && item.outcome() != ItemOutcome.SKIPPED) {
                for (ObjectChange change : record.changes()) {
                    ObjectFate expected = EnrolmentObjects.expected(change.action());
                    ObjectFate actual = EnrolmentObjects.actual(change, now, sourceId);
                    context.object(itemId, change.objectType(), change.objectId(), expected, actual,
                            expected == actual ? null : describe(change, actual));
                }
            } else {
                for (EnrolmentObjects.MemberObject object : listed(course, item)) {
                    boolean there = object.in(now.source());
                    context.object(itemId, object.type(), object.id(), ObjectFate.STAYED,
                            there ? ObjectFate.STAYED : ObjectFate.LOST, there ? null
                                    : "The source account no longer has it; this transfer did not change it.");
                }
            }
            context.incrementProgress(1);
        }
    }

    /** The objects the preview listed for an item (its enrolment, and the roles and groups in its parameters). */
    private static Iterable<EnrolmentObjects.MemberObject> listed(long course, TransferredItem item) {
        java.util.SortedSet<Long> roles = ids(item.item().parameters().get(EnrolmentListing.ROLES));
        java.util.SortedSet<Long> groups = ids(item.item().parameters().get(EnrolmentListing.GROUPS));
        return EnrolmentObjects.objects(course, new Membership(true, roles, groups));
    }

    private static java.util.SortedSet<Long> ids(String joined) {
        java.util.SortedSet<Long> out = new java.util.TreeSet<>();
        if (joined != null && !joined.isBlank()) {
            Arrays.stream(joined.split(",")).map(String::strip).map(Long::parseLong).forEach(out::add);
        }
        return out;
    }

    private static String describe(ObjectChange change, ObjectFate actual) {
        return switch (actual) {
            case MOVED -> "It is with the target account, though the transfer meant otherwise.";
            case STAYED -> "It is still with its previous owner.";
            case REMOVED -> "It is gone.";
            case LOST -> "It is neither with the target nor with the source account.";
        } + " (" + change.action() + " " + change.objectId() + ")";
    }
}
