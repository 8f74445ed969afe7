package org.campus.shell.internal;

import java.util.List;

import org.campus.api.InvalidInputException;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.sharing.ShareStatus;

/**
 * The arguments of {@code campus:share-mark}, checked: a share id, {@code sent} with one resource URL
 * or {@code error} with a message (the rest of the command line, joined with spaces).
 */
record MarkRequest(long id, ShareStatus status, String detail) {

    static MarkRequest parse(long id, String status, List<String> words) {
        ShareStatus target = StatusCodes.target(status);
        String field = detailField(target);
        if (words == null || words.isEmpty() || String.join("", words).isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (target == ShareStatus.SENT && words.size() > 1) {
            throw new InvalidInputException(field, "must be a single URL, without spaces");
        }
        return new MarkRequest(id, target, String.join(" ", words).trim());
    }

    /** The name of the detail in the service's terms: {@code resourceUrl} or {@code message}. */
    static String detailField(ShareStatus status) {
        return status == ShareStatus.SENT ? "resourceUrl" : "message";
    }

    ShareProgress applyTo(ShareProgressService shares) {
        return status == ShareStatus.SENT ? shares.markSent(id, detail) : shares.markError(id, detail);
    }
}
