package org.campus.core.internal.job;

import org.campus.api.job.Job;
import org.campus.api.job.JobService;
import org.campus.api.job.JobState;
import org.campus.core.internal.event.Events;

/** Posts {@code campus/job/<EVENT>} with plain properties; never an entity. */
final class JobEvents {

    private final Events events;

    JobEvents(Events events) {
        this.events = events;
    }

    void post(String topic, Job job) {
        post(topic, job.id(), job.type(), job.owner(), job.state(), job.progress(), job.attempt(), job.reason());
    }

    void post(String topic, long id, String type, String owner, JobState state, int progress, int attempt,
            String reason) {
        events.post(topic, "id", id, "type", type, "owner", owner, "state", state.code(), "progress", progress,
                "attempt", attempt, "reason", reason);
    }

    /** The topic that announces a job now in {@code state}. */
    static String topicOf(JobState state) {
        switch (state) {
            case QUEUED:
                return JobService.TOPIC_QUEUED;
            case RUNNING:
                return JobService.TOPIC_STARTED;
            case COMPLETED:
                return JobService.TOPIC_COMPLETED;
            case FAILED:
                return JobService.TOPIC_FAILED;
            default:
                return JobService.TOPIC_CANCELLED;
        }
    }
}
