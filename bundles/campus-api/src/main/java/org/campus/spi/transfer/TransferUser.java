package org.campus.spi.transfer;

import java.util.Objects;

import org.campus.api.workflow.LmsId;

/**
 * One of the two accounts of a transfer, as the LMS knows it: its LMS id (a string or a whole
 * number, see {@link LmsId}) and the display name the LMS gave it. The name is for messages only;
 * providers identify users by {@link #id()}.
 *
 * @param id the user's id in the LMS
 * @param displayName the name the LMS shows for the user; never blank
 */
public record TransferUser(LmsId id, String displayName) {

    public TransferUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }

    @Override
    public String toString() {
        return displayName + " (" + id + ")";
    }
}
