package org.campus.spi.transfer;

/**
 * A provider could not do what the core asked. It carries two messages, as every transfer failure
 * does: {@link #getMessage()} for the log (technical, may name ids, calls and codes) and
 * {@link #adminMessage()}, a short sentence the admin sees next to the item or transfer (what went
 * wrong and what to do, without stack traces or secrets).
 *
 * <p>{@link #isRetryable()} says whether the same call may succeed later unchanged (the LMS timed
 * out or was unreachable). A provider's steps are idempotent, so the core may retry an item after
 * a retryable failure.
 */
public class TransferException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String adminMessage;
    private final boolean retryable;

    public TransferException(String logMessage, String adminMessage) {
        this(logMessage, adminMessage, false, null);
    }

    public TransferException(String logMessage, String adminMessage, Throwable cause) {
        this(logMessage, adminMessage, false, cause);
    }

    public TransferException(String logMessage, String adminMessage, boolean retryable, Throwable cause) {
        super(logMessage, cause);
        if (adminMessage == null || adminMessage.isBlank()) {
            throw new IllegalArgumentException("a transfer failure needs a message for the admin");
        }
        this.adminMessage = adminMessage;
        this.retryable = retryable;
    }

    /** A short sentence for the admin: what went wrong, and what to do about it. */
    public String adminMessage() {
        return adminMessage;
    }

    /** True if the same call may succeed later unchanged (a timeout, the other side unreachable). */
    public boolean isRetryable() {
        return retryable;
    }
}
