package org.campus.transfer.moodle.internal;

import org.campus.spi.ProviderHealth;
import org.campus.spi.transfer.TransferException;

/**
 * The LMS cannot be worked with at all (unreachable, timing out, refusing the token, lacking a
 * function): every further call would fail the same way, so a transfer stops instead of failing
 * item after item, and the provider's health says so.
 */
final class LmsUnavailableException extends TransferException {

    private static final long serialVersionUID = 1L;

    private final ProviderHealth.Status health;

    /** Not retryable: the configuration or the LMS's setup must change. Health: down. */
    LmsUnavailableException(String logMessage, String adminMessage) {
        super(logMessage, adminMessage, false, null);
        this.health = ProviderHealth.Status.DOWN;
    }

    /** Retryable: the LMS may answer later. */
    LmsUnavailableException(String logMessage, String adminMessage, ProviderHealth.Status health, Throwable cause) {
        super(logMessage, adminMessage, true, cause);
        this.health = health;
    }

    /** The provider's health after this failure. */
    ProviderHealth health() {
        return health == ProviderHealth.Status.DEGRADED ? ProviderHealth.degraded(adminMessage())
                : ProviderHealth.down(adminMessage());
    }
}
