package org.campus.api.sharing;

import java.util.List;
import java.util.Optional;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records shares and their send status. Status moves only from {@code in_progress} to {@code sent}
 * or {@code error}; every change is kept in the share's timeline.
 *
 * <p>Events are posted under {@link #TOPIC_PREFIX} with properties {@code id} (a {@code Long}),
 * {@code courseId} and {@code userId} (the LMS ids' values, as {@code String}s) and {@code status}.
 */
@ProviderType
public interface ShareProgressService {

    String TOPIC_PREFIX = "campus/share/";
    String TOPIC_STARTED = TOPIC_PREFIX + "STARTED";
    String TOPIC_SENT = TOPIC_PREFIX + "SENT";
    String TOPIC_ERROR = TOPIC_PREFIX + "ERROR";
    String TOPIC_SOURCE_DELETED = TOPIC_PREFIX + "SOURCE_DELETED";

    /** Records a share that has just started; it is {@code in_progress}. */
    ShareProgress start(NewShare share) throws InvalidInputException;

    /**
     * Marks a share sent, with the URL of the resource in the external repository (absolute http or https).
     *
     * @throws NotFoundException no such share
     * @throws ConflictException the share is not in progress any more, or changed meanwhile
     */
    ShareProgress markSent(long id, String resourceUrl);

    /** Marks a share failed, with a message saying why. Same rules as {@link #markSent}. */
    ShareProgress markError(long id, String message);

    Optional<ShareProgress> find(long id);

    /** Every status the share has been in, oldest first. */
    List<ShareStatusChange> timeline(long id) throws NotFoundException;

    /** Shares matching the query, newest first. */
    Page<ShareProgress> list(ShareQuery query, PageRequest page);

    /** Notes that the shared course or activity was deleted in the LMS; returns how many shares it touched. */
    int markSourceDeleted(SourceDeleted deleted);
}
