package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PrivacyService;

/**
 * Base of the privacy commands that delete data: asks for confirmation unless {@code --force} is
 * given, erases, and prints what each provider deleted.
 */
abstract class PrivacyEraseAction extends CampusAction {

    @Reference
    PrivacyService privacy;

    @Reference
    Session session;

    @Option(name = "--force", aliases = "-f", description = "Delete without asking for confirmation")
    boolean force;

    @Override
    protected final void run(PrintStream out) throws Exception {
        if (!force && !Confirmation.ask(session, question())) {
            out.println("Aborted: nothing was deleted.");
            return;
        }
        ErasureReport report = erase();
        PrivacyTables.erasure(report).print(out);
        out.println(PrivacyTables.erasureTotal(report));
    }

    /** What the user confirms, e.g. {@code Delete all personal data of user 7?} */
    protected abstract String question();

    protected abstract ErasureReport erase();
}
