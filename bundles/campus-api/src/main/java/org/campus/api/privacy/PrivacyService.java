package org.campus.api.privacy;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One export and one erasure per user, one purge per course, over every {@link PrivacyProvider}.
 *
 * <p>An erasure (of a user, or a course's purge) is a job of the core's job engine, of type
 * {@link #JOB_TYPE_USER_ERASURE} or {@link #JOB_TYPE_COURSE_PURGE}: persisted, run on the job pool,
 * resumed after a crash, each provider's outcome recorded. It completes only when every expected
 * provider (every one seen since it was last forgotten) has deleted its data; a provider that fails
 * or is absent is asked again by the next attempt, and once the attempts are used up the job fails
 * with the providers' names in its reason, and can be retried.
 *
 * <p>Posts {@link #TOPIC_USER_DELETED} and {@link #TOPIC_COURSE_DELETED} when an erasure completes.
 */
@ProviderType
public interface PrivacyService {

    String TOPIC_USER_DELETED = "campus/privacy/USER_DELETED";
    String TOPIC_COURSE_DELETED = "campus/privacy/COURSE_DELETED";

    String JOB_TYPE_USER_ERASURE = "privacy.user-erasure";
    String JOB_TYPE_COURSE_PURGE = "privacy.course-purge";

    /** The registered providers and the expected ones that are not registered now, by name. */
    List<ProviderInfo> providers();

    /** What every provider holds about the user, one entry per provider. */
    List<PersonalData> exportUser(String userId);

    /**
     * Starts the erasure of everything every provider holds about the user, as a job owned by
     * {@code requestedBy}; returns it as just queued.
     */
    ErasureReport deleteUser(String userId, String requestedBy);

    /** Starts the purge of everything every provider holds for the course, as a job. */
    ErasureReport deleteCourse(String courseId, String requestedBy);

    /** The erasure run by the job {@code jobId}, empty when that job is no erasure. */
    Optional<ErasureReport> erasure(long jobId);

    /**
     * Stops expecting a provider that is gone for good, so that erasures can complete without it.
     * A {@code ConflictException} while it is registered; a {@code NotFoundException} for a name
     * never seen.
     */
    void forgetProvider(String name);
}
