package org.campus.api.privacy;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by everything that stores personal data. User and course ids are the LMS's own,
 * as strings; a provider that keeps numeric ids treats a non-numeric id as matching nothing.
 *
 * <p>Register it as an OSGi service; the core picks it up and drops it at run time.
 */
@ConsumerType
public interface PrivacyProvider {

    /** A stable, unique name such as {@code share-progress}. */
    String name();

    /** Which personal data this provider holds, and why, in a sentence or two for a privacy officer. */
    String description();

    /** Everything stored about the user. */
    PersonalData exportUser(String userId);

    /** Deletes everything stored about the user; returns the number of records deleted. */
    int deleteUser(String userId);

    /** Deletes everything stored for the course; returns the number of records deleted. */
    int deleteCourse(String courseId);
}
