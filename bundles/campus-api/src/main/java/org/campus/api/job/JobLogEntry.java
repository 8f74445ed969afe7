package org.campus.api.job;

import java.time.Instant;

/**
 * One line of a job's log.
 *
 * @param attempt the attempt that wrote it, from 1; 0 for entries the engine wrote outside an
 *        attempt (submitted, cancelled, retried by an admin)
 */
public record JobLogEntry(long id, long jobId, Instant time, JobLogLevel level, int attempt, String message) {
}
