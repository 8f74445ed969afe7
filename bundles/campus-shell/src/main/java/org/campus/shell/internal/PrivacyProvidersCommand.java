package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.privacy.PrivacyService;

@Service
@Command(scope = "campus", name = "privacy-providers",
        description = "Lists the privacy providers: everything that stores personal data, and what it stores.")
public class PrivacyProvidersCommand extends CampusAction {

    @Reference
    PrivacyService privacy;

    @Override
    protected void run(PrintStream out) {
        PrivacyTables.providers(privacy.providers()).print(out);
    }
}
