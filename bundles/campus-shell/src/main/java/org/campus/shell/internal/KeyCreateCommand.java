package org.campus.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.AuditService;
import org.campus.api.security.IssuedApiKey;

@Service
@Command(scope = "campus", name = "key-create",
        description = "Creates an API key for an LMS client and prints its secret, once.",
        detailedDescription = "Usage: campus:key-create <name> <scope...>   (scope * grants every scope)")
public class KeyCreateCommand extends CampusAction {

    @Reference
    ApiKeyService keys;

    @Reference
    AuditService audit;

    @Argument(index = 0, name = "name", description = "Who the key is for, e.g. the LMS instance", required = true)
    String name;

    @Argument(index = 1, name = "scopes", required = true, multiValued = true,
            description = "The scopes it may call: share-progress, privacy, audit, api, ...; * for all")
    List<String> scopes;

    @Override
    protected void run(PrintStream out) {
        IssuedApiKey issued = keys.create(name, new LinkedHashSet<>(scopes));
        ConsoleAudit.record(audit, "key-create", "/api-keys/" + issued.key().id(), "scopes " + scopes);
        out.println("API key " + issued.key().id() + " created for " + issued.key().name() + ".");
        out.println("Secret (shown only now; send it as 'Authorization: Bearer <secret>'):");
        out.println(issued.secret());
    }
}
