package org.campus.api.privacy;

import java.util.List;

import org.campus.api.job.Job;

/**
 * An erasure of a user's or a course's data across every provider: the job that runs it, and each
 * provider's outcome so far (expected providers not reached yet are {@code PENDING}).
 *
 * @param subject {@link #USER} or {@link #COURSE}
 * @param subjectId the LMS's id of the user or course
 */
public record ErasureReport(Job job, String subject, String subjectId, List<ProviderOutcome> providers) {

    public static final String USER = "user";
    public static final String COURSE = "course";

    public ErasureReport {
        providers = List.copyOf(providers);
    }

    /** The records deleted so far by every provider. */
    public int total() {
        return providers.stream().mapToInt(ProviderOutcome::deleted).sum();
    }
}
