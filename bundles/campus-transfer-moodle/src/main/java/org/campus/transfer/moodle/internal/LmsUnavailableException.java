package org.campus.transfer.moodle.internal;

import org.campus.spi.transfer.TransferException;

/**
 * The LMS cannot be worked with at all (unreachable, timing out, refusing the token): every further
 * call would fail the same way, so a transfer stops instead of failing item after item.
 */
final class LmsUnavailableException extends TransferException {

    private static final long serialVersionUID = 1L;

    LmsUnavailableException(String logMessage, String adminMessage, boolean retryable) {
        super(logMessage, adminMessage, retryable, null);
    }

    LmsUnavailableException(String logMessage, String adminMessage, Throwable cause) {
        super(logMessage, adminMessage, true, cause);
    }
}
