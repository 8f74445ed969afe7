package org.campus.api.job;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A long task run by the core's job engine, as the engine last recorded it.
 *
 * @param id the job's id
 * @param type what kind of job this is; the {@code JobExecutor} registered for the type runs it
 *        (e.g. {@code privacy.user-erasure})
 * @param owner who asked for the job, as the audit trail names actors ({@code admin},
 *        {@code moodle (key k1)}, {@code system})
 * @param state where the job stands
 * @param progress 0 to 100
 * @param stepsTotal the steps the job announced, 0 when it announced none
 * @param stepsDone the steps finished so far
 * @param currentStep what the job is working on now, or {@code null}
 * @param estimatedEnd when the job expects to end, while it runs and can tell; else {@code null}
 * @param attempt the number of the current or last attempt, from 1; every new attempt (a retry,
 *        a resume after a crash) gets the next number, and only the current attempt may record
 *        anything
 * @param failedAttempts how many attempts failed or died; the engine's {@code maxAttempts} bounds it
 * @param checkpoint the last finished step, as the job named it, or {@code null}: a resumed job
 *        goes on after it
 * @param cancelRequested whether a cancel was asked for while the job was running; the job stops
 *        at its next check
 * @param node the Campus node that runs or ran the current attempt, or {@code null}
 * @param parameters the job's input, as its submitter gave it
 * @param created when the job was submitted
 * @param due when a queued job may start (later than {@code created} while a retry waits)
 * @param started when the first attempt started, or {@code null}
 * @param ended when the job ended, or {@code null}
 * @param lastHeartbeat when the running attempt last reported, or {@code null}
 * @param reason why the job failed or was cancelled, or why a queued job waits for a retry;
 *        {@code null} otherwise
 */
public record Job(long id, String type, String owner, JobState state, int progress, int stepsTotal, int stepsDone,
        String currentStep, Instant estimatedEnd, int attempt, int failedAttempts, String checkpoint,
        boolean cancelRequested, String node, Map<String, String> parameters, Instant created, Instant due,
        Instant started, Instant ended, Instant lastHeartbeat, String reason) {

    public Job {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        parameters = Map.copyOf(parameters);
    }

    /** A parameter of the job, or {@code null}. */
    public String parameter(String name) {
        return parameters.get(name);
    }
}
