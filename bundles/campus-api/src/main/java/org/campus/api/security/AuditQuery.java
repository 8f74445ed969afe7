package org.campus.api.security;

import java.time.Instant;

/** Filters of the audit trail; {@code null} means any. {@code from} inclusive, {@code to} exclusive. */
public record AuditQuery(String actor, ActorKind actorKind, String action, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
