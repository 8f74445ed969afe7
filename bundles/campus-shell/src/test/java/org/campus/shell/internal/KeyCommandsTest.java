package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.campus.api.PageRequest;
import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.junit.jupiter.api.Test;

class KeyCommandsTest {

    private final FakeSecurity.Keys keys = new FakeSecurity.Keys();
    private final FakeSecurity.Audit audit = new FakeSecurity.Audit();
    private final Output output = new Output();

    private KeyCreateCommand create(String name, String... scopes) {
        KeyCreateCommand c = new KeyCreateCommand();
        c.keys = keys;
        c.audit = audit;
        c.name = name;
        c.scopes = List.of(scopes);
        return c;
    }

    @Test
    void createPrintsTheSecretOnceAndRecordsWhoDidIt() throws Exception {
        assertTrue(output.run(create("moodle", "share-progress", "privacy")));

        assertTrue(output.out().lines().anyMatch("campus_id1_SECRET1"::equals), output.out());
        assertEquals(Set.of("share-progress", "privacy"), keys.find("id1").orElseThrow().scopes());
        AuditEntry e = audit.entries.get(0);
        assertEquals("key-create", e.action());
        assertEquals("/api-keys/id1", e.target());
        assertEquals(ActorKind.ADMIN, e.actorKind());
        assertEquals("console", e.remoteAddress());
        assertEquals("console", e.actor(), "outside a shell session there is no subject");
        assertFalse(e.toString().contains("SECRET"), "the audit trail never holds a secret");
    }

    @Test
    void aBadScopeIsReportedAndNothingIsRecorded() throws Exception {
        assertFalse(output.run(create("moodle", "Not A Scope")));

        assertEquals("Error: scopes: bad scope", output.err().strip());
        assertTrue(keys.keys.isEmpty());
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    void rotateAndRevokeChangeTheKeyAndAreRecorded() throws Exception {
        output.run(create("moodle", "*"));
        KeyRotateCommand rotate = new KeyRotateCommand();
        rotate.keys = keys;
        rotate.audit = audit;
        rotate.id = "id1";
        KeyRevokeCommand revoke = new KeyRevokeCommand();
        revoke.keys = keys;
        revoke.audit = audit;
        revoke.id = "id1";

        assertTrue(output.run(rotate));
        assertTrue(output.run(revoke));

        assertTrue(output.out().contains("campus_id1_ROTATED"));
        assertFalse(keys.find("id1").orElseThrow().active());
        assertEquals(List.of("key-create", "key-rotate", "key-revoke"),
                audit.entries.stream().map(AuditEntry::action).toList());
    }

    @Test
    void revokingAnUnknownKeyIsAnError() throws Exception {
        KeyRevokeCommand revoke = new KeyRevokeCommand();
        revoke.keys = keys;
        revoke.audit = audit;
        revoke.id = "nope";

        assertFalse(output.run(revoke));

        assertEquals("Error: API key nope does not exist", output.err().strip());
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    void listHidesRevokedKeysUnlessAskedAndNeverShowsSecrets() throws Exception {
        output.run(create("a", "*"));
        output.run(create("b", "audit"));
        keys.revoke("id1");
        KeyListCommand list = new KeyListCommand();
        list.keys = keys;

        Output active = new Output();
        active.run(list);
        list.all = true;
        Output all = new Output();
        all.run(list);

        assertFalse(active.out().contains("id1"), active.out());
        assertTrue(active.out().contains("id2"));
        assertTrue(all.out().contains("id1"));
        assertFalse(all.out().contains("SECRET"));
    }

    @Test
    void completerOffersOnlyActiveKeys() throws Exception {
        output.run(create("a", "*"));
        output.run(create("b", "*"));
        keys.revoke("id1");
        KeyIdCompleter completer = new KeyIdCompleter();
        completer.keys = keys;

        assertEquals(List.of("id2"), completer.activeIds());
    }

    @Test
    void auditListTurnsOptionsIntoAQuery() throws Exception {
        audit.record("admin", ActorKind.ADMIN, "POST /api-keys", "/api-keys/x", "10.0.0.1", "HTTP 201");
        audit.next = "c2";
        AuditListCommand command = new AuditListCommand();
        command.audit = audit;
        command.actor = "admin";
        command.kind = "admin";
        command.action = "POST /api-keys";
        command.from = "2024-05-01T00:00:00Z";
        command.limit = 10;

        assertTrue(output.run(command));

        assertEquals(new AuditQuery("admin", ActorKind.ADMIN, "POST /api-keys", Instant.parse("2024-05-01T00:00:00Z"),
                null), audit.lastQuery);
        assertEquals(PageRequest.first(10), audit.lastPage);
        assertTrue(output.out().contains("/api-keys/x"));
        assertTrue(output.out().lines().anyMatch("Next cursor: c2"::equals));
    }

    @Test
    void auditListRefusesBadKindsAndTimes() throws Exception {
        AuditListCommand command = new AuditListCommand();
        command.audit = audit;
        command.kind = "root";
        assertFalse(output.run(command));
        command.kind = null;
        command.to = "tomorrow";
        assertFalse(output.run(command));

        assertEquals(List.of("Error: kind: must be one of admin, lms, system",
                "Error: to: must be an ISO-8601 UTC time such as 2024-05-01T10:00:00Z"), output.err().lines().toList());
        assertNull(audit.lastQuery);
    }
}
