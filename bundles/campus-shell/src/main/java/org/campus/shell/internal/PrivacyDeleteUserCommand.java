package org.campus.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.privacy.ErasureReport;

@Service
@Command(scope = "campus", name = "privacy-delete-user",
        description = "Erases everything every privacy provider holds about a user, as a job it follows. Asks for"
                + " confirmation unless --force.")
public class PrivacyDeleteUserCommand extends PrivacyEraseAction {

    @Argument(index = 0, name = "userId", description = "The LMS user id", required = true)
    String userId;

    @Override
    protected String question() {
        return "Delete all personal data of user " + userId + " in every provider? This cannot be undone.";
    }

    @Override
    protected ErasureReport erase() {
        return privacy.deleteUser(userId, ConsoleAudit.user());
    }
}
