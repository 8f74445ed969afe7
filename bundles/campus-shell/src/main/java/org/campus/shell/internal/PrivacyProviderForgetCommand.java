package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.security.AuditService;

@Service
@Command(scope = "campus", name = "privacy-provider-forget",
        description = "Stops expecting a privacy provider that is gone for good, so that erasures complete without it.")
public class PrivacyProviderForgetCommand extends CampusAction {

    @Reference
    PrivacyService privacy;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "name", description = "The provider's name, as campus:privacy-providers lists it",
            required = true)
    String name;

    @Override
    protected void run(PrintStream out) {
        privacy.forgetProvider(name);
        ConsoleAudit.record(audit, "privacy-provider-forget", "/privacy/providers/" + name, null);
        out.println("Privacy provider " + name + " forgotten: erasures no longer wait for it.");
    }
}
