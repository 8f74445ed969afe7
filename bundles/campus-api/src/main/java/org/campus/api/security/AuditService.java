package org.campus.api.security;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** The audit trail of changes made by administrators, LMS clients and Campus itself. */
@ProviderType
public interface AuditService {

    /**
     * Records a change, and returns once the entry is durably stored: a change may then be
     * acknowledged to its caller. Texts longer than their column are cut; never pass secrets.
     *
     * @throws RuntimeException the entry could not be stored in time (the database fails); it is
     *         kept and stored later, but the change must not be acknowledged as a success
     */
    void record(String actor, ActorKind actorKind, String action, String target, String remoteAddress, String detail);

    /**
     * Opens a change on the current thread whose audit entry is committed with it. Until the
     * change is completed or closed, writes that Campus services make on this thread for an LMS
     * change (share progress; workflow records created and acted on) do not commit by themselves:
     * they stay in one pending transaction, which reads of those services on this thread see, and
     * their events wait for the commit. {@link AuditedChange#complete} appends the entry in that
     * same transaction and commits both; {@link AuditedChange#close()} without it rolls everything
     * back. Other writes commit as they did; their entry then goes through {@link #record}.
     *
     * @param actor who makes the change
     * @param actorKind what kind of actor
     * @param action what the change is (e.g. the route)
     * @param remoteAddress where the actor called from
     * @throws IllegalStateException a change is already open on this thread
     * @since 1.1
     */
    AuditedChange begin(String actor, ActorKind actorKind, String action, String remoteAddress);

    /** Entries matching the query, newest first. */
    Page<AuditEntry> query(AuditQuery query, PageRequest page);
}
