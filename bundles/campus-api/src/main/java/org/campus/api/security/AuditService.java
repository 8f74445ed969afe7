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

    /** Entries matching the query, newest first. */
    Page<AuditEntry> query(AuditQuery query, PageRequest page);
}
