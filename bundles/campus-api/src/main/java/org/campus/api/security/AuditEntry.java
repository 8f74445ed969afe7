package org.campus.api.security;

import java.time.Instant;

/**
 * One recorded change: who ({@code actor}, {@code actorKind}), what ({@code action} on
 * {@code target}, with an optional {@code detail}), when, and from where ({@code remoteAddress},
 * e.g. an IP address or {@code console}).
 */
public record AuditEntry(long id, Instant time, String actor, ActorKind actorKind, String action, String target,
        String remoteAddress, String detail) {
}
