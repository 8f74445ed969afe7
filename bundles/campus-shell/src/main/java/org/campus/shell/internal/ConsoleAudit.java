package org.campus.shell.internal;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditService;

/** Records a change made from the console under the name of the logged-in user. */
final class ConsoleAudit {

    static final String WHERE = "console";

    private ConsoleAudit() {
    }

    static void record(AuditService audit, String action, String target, String detail) {
        if (audit != null) {
            audit.record(user(), ActorKind.ADMIN, action, target, WHERE, detail);
        }
    }

    /** The user the console session runs as (its JAAS subject), or {@code console} outside one. */
    @SuppressWarnings("removal")
    static String user() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                if (p instanceof UserPrincipal) {
                    return p.getName();
                }
            }
        }
        return WHERE;
    }
}
