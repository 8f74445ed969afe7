package org.campus.transfer.moodle.internal;

import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferUser;

/** Moodle identifies users and courses by whole numbers; LMS ids that are not are refused here. */
final class MoodleIds {

    private MoodleIds() {
    }

    static long user(TransferUser user) throws TransferException {
        String value = user.id().value();
        if (value.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(value);
        }
        throw new TransferException("not a Moodle user id: '" + value + "' (" + user.displayName() + ")",
                "Moodle identifies users by whole numbers; '" + value + "' is not one, so this provider has"
                        + " nothing of " + user.displayName() + ".");
    }

    static long course(TransferItem item) throws TransferException {
        String value = item.parameters().get(EnrolmentListing.COURSE_ID);
        if (value != null && value.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(value);
        }
        throw new TransferException("item " + item.id() + " has no course id parameter: " + item.parameters(),
                "This item was not listed by this provider; preview again.");
    }
}
