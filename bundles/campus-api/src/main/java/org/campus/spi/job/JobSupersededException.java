package org.campus.spi.job;

/**
 * Thrown by a {@link JobContext} whose attempt is no longer the job's current one (a newer attempt
 * started because this one was taken for dead, or the job was deleted): the attempt must stop, and
 * nothing it does is recorded any more. Executors let it pass.
 */
public class JobSupersededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobSupersededException(String message) {
        super(message);
    }
}
