package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.AuditService;
import org.campus.api.security.IssuedApiKey;

@Service
@Command(scope = "campus", name = "key-rotate",
        description = "Gives an API key a new secret and prints it, once; the old secret stops working at once.")
public class KeyRotateCommand extends CampusAction {

    @Reference
    ApiKeyService keys;

    @Reference
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The key id", required = true)
    @Completion(KeyIdCompleter.class)
    String id;

    @Override
    protected void run(PrintStream out) {
        IssuedApiKey issued = keys.rotate(id);
        ConsoleAudit.record(audit, "key-rotate", "/api-keys/" + issued.key().id(), null);
        out.println("API key " + issued.key().id() + " rotated. New secret (shown only now):");
        out.println(issued.secret());
    }
}
