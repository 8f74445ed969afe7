package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.security.ApiKey;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.AuditService;

@Service
@Command(scope = "campus", name = "key-revoke", description = "Revokes an API key: it stops working at once.")
public class KeyRevokeCommand extends CampusAction {

    @Reference
    ApiKeyService keys;

    @Reference
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The key id", required = true)
    @Completion(KeyIdCompleter.class)
    String id;

    @Override
    protected void run(PrintStream out) {
        ApiKey key = keys.revoke(id);
        ConsoleAudit.record(audit, "key-revoke", "/api-keys/" + key.id(), null);
        out.println("API key " + key.id() + " (" + key.name() + ") is revoked.");
    }
}
