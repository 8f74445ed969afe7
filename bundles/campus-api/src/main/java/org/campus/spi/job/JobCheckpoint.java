package org.campus.spi.job;

import java.time.Instant;

/**
 * The last step an attempt of a job recorded as finished, with the state it left to resume from.
 *
 * @param step the finished step, as the executor named it
 * @param state what the executor recorded with it, or {@code null}
 * @param stepsDone the progress reached at the checkpoint
 * @param attempt the attempt that recorded it
 * @param time when it was recorded
 */
public record JobCheckpoint(String step, String state, int stepsDone, int attempt, Instant time) {
}
