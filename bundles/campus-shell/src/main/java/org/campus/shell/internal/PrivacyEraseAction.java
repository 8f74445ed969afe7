package org.campus.shell.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PrivacyService;

/**
 * Base of the privacy commands that delete data: asks for confirmation unless {@code --force} is
 * given, starts the erasure job, and follows it (on the console's own thread) until it ends or
 * {@code --wait} seconds have passed, printing each provider's outcome.
 */
abstract class PrivacyEraseAction extends CampusAction {

    /** How often a followed erasure is looked at. */
    static final Duration POLL = Duration.ofMillis(500);

    @Reference
    PrivacyService privacy;

    @Reference
    Session session;

    @Option(name = "--force", aliases = "-f", description = "Delete without asking for confirmation")
    boolean force;

    @Option(name = "--wait", aliases = "-w", description = "How many seconds to follow the erasure job (0: do not"
            + " wait; follow it later with campus:job-show)")
    int waitSeconds = 60;

    Duration poll = POLL;

    @Override
    protected final void run(PrintStream out) throws Exception {
        if (!force && !Confirmation.ask(session, question())) {
            out.println("Aborted: nothing was deleted.");
            return;
        }
        ErasureReport report = erase();
        long id = report.job().id();
        out.println("Erasure job " + id + " queued.");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, waitSeconds));
        String last = null;
        while (!report.job().state().isEnded() && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(poll.toMillis());
            report = privacy.erasure(id).orElse(report);
            String now = report.job().state().code() + " " + report.job().progress() + "%";
            if (!now.equals(last)) {
                out.println("Job " + id + ": " + now);
                last = now;
            }
        }
        PrivacyTables.erasure(report).print(out);
        if (report.job().state().isEnded()) {
            out.println("Job " + id + " " + report.job().state().code()
                    + (report.job().reason() == null ? "" : ": " + report.job().reason()));
            out.println(PrivacyTables.erasureTotal(report));
        } else {
            out.println("Job " + id + " is still " + report.job().state().code()
                    + "; follow it with campus:job-show " + id + ".");
        }
    }

    /** What the user confirms, e.g. {@code Delete all personal data of user 7?} */
    protected abstract String question();

    protected abstract ErasureReport erase();
}
