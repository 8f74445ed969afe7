package org.campus.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyService;

@Service
@Command(scope = "campus", name = "privacy-export",
        description = "Prints everything every privacy provider holds about a user, records as key=value lines.")
public class PrivacyExportCommand extends CampusAction {

    @Reference
    PrivacyService privacy;

    @Argument(index = 0, name = "userId", description = "The LMS user id", required = true)
    String userId;

    @Override
    protected void run(PrintStream out) {
        List<PersonalData> export = privacy.exportUser(userId);
        if (export.isEmpty()) {
            out.println("No privacy provider is registered.");
            return;
        }
        for (int i = 0; i < export.size(); i++) {
            if (i > 0) {
                out.println();
            }
            PersonalDataLines.of(export.get(i)).forEach(out::println);
        }
    }
}
