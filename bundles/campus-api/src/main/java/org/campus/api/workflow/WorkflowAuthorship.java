package org.campus.api.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who authored a workflow record, and moving a record with the history entries its author made to
 * another user: what the workflow transfer provider needs. Each change is guarded by the author it
 * expects, so a record that changed hands meanwhile is left alone.
 */
@ProviderType
public interface WorkflowAuthorship {

    /** What moving a record changed: the record and the ids of the history entries whose actor changed. */
    record AuthorChange(long recordId, List<Long> historyIds) {
        public AuthorChange {
            historyIds = List.copyOf(historyIds);
        }
    }

    /** A user's records in id order, after {@code afterId} (0 for the first page), at most {@code limit}. */
    List<WorkflowRecord> authoredBy(LmsId authorId, long afterId, int limit);

    /**
     * Gives a record authored by {@code from} to {@code to}, with the record's history entries whose
     * actor is {@code from}, in one transaction; empty when the record does not exist or {@code from}
     * is not its author.
     */
    Optional<AuthorChange> reassign(long recordId, LmsId from, LmsId to);

    /**
     * Gives a record back from {@code current} to {@code previous}, with exactly the history entries
     * {@code historyIds} (those a {@link #reassign} moved); false, with nothing changed, when
     * {@code current} is not its author or one of the entries no longer has {@code current} as actor.
     */
    boolean restore(long recordId, List<Long> historyIds, LmsId current, LmsId previous);

    /** The author of each of the records that exists. */
    Map<Long, LmsId> authors(Collection<Long> recordIds);
}
