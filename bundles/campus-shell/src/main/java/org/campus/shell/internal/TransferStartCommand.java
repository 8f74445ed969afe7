package org.campus.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.InvalidInputException;
import org.campus.api.security.AuditService;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferService;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;

@Service
@Command(scope = "campus", name = "transfer-start",
        description = "Starts a transfer of the chosen items (as transfer-preview lists them) as a job.")
public class TransferStartCommand extends CampusAction {

    @Reference
    TransferService transfers;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "from", description = "The source account's LMS id", required = true)
    String from;

    @Argument(index = 1, name = "to", description = "The target account's LMS id", required = true)
    String to;

    @Argument(index = 2, name = "items", description = "The item ids to move", multiValued = true)
    List<String> items;

    @Option(name = "--all", aliases = "-a", description = "Every item the providers list now")
    boolean all;

    @Option(name = "--resolution", aliases = "-r", multiValued = true,
            description = "item=resolution for a conflicting item (keep_source, keep_target, keep_both, merge, skip)")
    List<String> resolutions;

    @Option(name = "--mark-merged", description = "Record the source account as merged into the target")
    boolean markMerged;

    @Override
    protected void run(PrintStream out) {
        Map<String, Resolution> chosen = new LinkedHashMap<>();
        for (String r : resolutions == null ? List.<String>of() : resolutions) {
            int eq = r.lastIndexOf('=');
            Resolution resolution = eq < 1 ? null
                    : Codes.resolution(r.substring(eq + 1).trim().toLowerCase(Locale.ROOT)).orElse(null);
            if (resolution == null) {
                throw new InvalidInputException("resolution", "must be item=resolution, the resolution one of"
                        + " keep_source, keep_target, keep_both, merge, skip: " + r);
            }
            chosen.put(r.substring(0, eq), resolution);
        }
        Transfer t = transfers.start(new NewTransfer(TransferPreviewCommand.user(from), TransferPreviewCommand.user(to),
                items, all, chosen, markMerged ? SourceAccount.MARKED_MERGED : SourceAccount.LEFT_AS_IS),
                ConsoleAudit.user());
        ConsoleAudit.record(audit, "transfer-start", "/transfers/" + t.id(), t.counts().selected() + " items");
        out.println("Transfer " + t.id() + " " + t.state().code() + " (" + t.counts().selected()
                + " items); follow it with campus:transfer-show " + t.id());
    }
}
