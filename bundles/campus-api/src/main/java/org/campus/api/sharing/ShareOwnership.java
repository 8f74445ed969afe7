package org.campus.api.sharing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who a share-progress record belongs to, and moving records from one user to another: what the
 * share-progress transfer provider needs. Each change is guarded by the owner it expects, so a
 * record that changed hands meanwhile is left alone.
 */
@ProviderType
public interface ShareOwnership {

    /** A user's shares in id order, after {@code afterId} (0 for the first page), at most {@code limit}. */
    List<ShareProgress> ofUser(LmsId userId, long afterId, int limit);

    /**
     * Gives each of the shares that belongs to {@code from} now to {@code to}, in one transaction;
     * returns the ids that moved (a share that no longer exists or belongs to someone else stays).
     */
    Set<Long> reassign(Collection<Long> shareIds, LmsId from, LmsId to);

    /** The owner of each of the shares that exists. */
    Map<Long, LmsId> owners(Collection<Long> shareIds);
}
