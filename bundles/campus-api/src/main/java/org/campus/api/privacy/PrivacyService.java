package org.campus.api.privacy;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One export and one erasure per user, one purge per course, over every registered
 * {@link PrivacyProvider}. Posts {@code campus/privacy/USER_DELETED} and
 * {@code campus/privacy/COURSE_DELETED} events.
 */
@ProviderType
public interface PrivacyService {

    String TOPIC_USER_DELETED = "campus/privacy/USER_DELETED";
    String TOPIC_COURSE_DELETED = "campus/privacy/COURSE_DELETED";

    List<ProviderInfo> providers();

    /** What every provider holds about the user, one entry per provider. */
    List<PersonalData> exportUser(String userId);

    ErasureReport deleteUser(String userId);

    ErasureReport deleteCourse(String courseId);
}
