package org.campus.api.archive.ownership;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which LMS user an archive job belongs to, and moving jobs from one user to another. Each change
 * is guarded by the user it expects, so a job that changed hands meanwhile is left alone. Users are
 * matched by their value; a moved job takes the form (number or string) of {@code to}.
 */
@ProviderType
public interface ArchiveOwnership {

    /** The most jobs one call reads or changes. */
    int MAX_IDS = 500;

    /** A user's archive jobs in id order, after {@code afterId} (0 for the first page), at most {@code limit}. */
    List<OwnedArchiveJob> ofUser(LmsId userId, long afterId, int limit);

    /**
     * Gives each of the jobs that belongs to {@code from} now to {@code to}, in one transaction;
     * returns the ids that moved (a job that no longer exists or belongs to someone else stays).
     */
    Set<Long> reassign(Collection<Long> jobIds, LmsId from, LmsId to);

    /** The user of each of the jobs that exists and has one. */
    Map<Long, LmsId> users(Collection<Long> jobIds);
}
