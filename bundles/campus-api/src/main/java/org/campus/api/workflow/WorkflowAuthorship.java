package org.campus.api.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who authored a workflow record, and moving a record with the history entries its author made to
 * another user: what the workflow transfer provider needs. Each change is guarded by the author it
 * expects, so a record that changed hands meanwhile is left alone.
 */
@ProviderType
public interface WorkflowAuthorship {

    /** A user's records in id order, after {@code afterId} (0 for the first page), at most {@code limit}. */
    List<WorkflowRecord> authoredBy(LmsId authorId, long afterId, int limit);

    /** The ids of a record's history entries whose actor is {@code actor}, in id order. */
    List<Long> historyOf(long recordId, LmsId actor);

    /**
     * Gives a record authored by {@code from} to {@code to}, with exactly the history entries
     * {@code historyIds} (whose actor must be {@code from}), in one transaction; false, with nothing
     * changed, when {@code from} is not its author or one of the entries no longer has {@code from} as
     * actor. Undo is the same move the other way.
     */
    boolean move(long recordId, List<Long> historyIds, LmsId from, LmsId to);

    /** The author of each of the records that exists. */
    Map<Long, LmsId> authors(Collection<Long> recordIds);
}
