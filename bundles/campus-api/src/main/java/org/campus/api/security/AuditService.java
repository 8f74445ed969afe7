package org.campus.api.security;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** The audit trail of changes made by administrators, LMS clients and Campus itself. */
@ProviderType
public interface AuditService {

    /**
     * Records a change. Texts longer than their column are cut; never pass secrets. Recording may
     * complete asynchronously, but {@link #query} always sees every entry recorded before it.
     */
    void record(String actor, ActorKind actorKind, String action, String target, String remoteAddress, String detail);

    /** Entries matching the query, newest first. */
    Page<AuditEntry> query(AuditQuery query, PageRequest page);
}
