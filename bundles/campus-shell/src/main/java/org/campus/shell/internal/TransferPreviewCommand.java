package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferService;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;

@Service
@Command(scope = "campus", name = "transfer-preview",
        description = "Lists what a transfer from one account to another would move, with conflicts; changes nothing.")
public class TransferPreviewCommand extends CampusAction {

    @Reference
    TransferService transfers;

    @Argument(index = 0, name = "from", description = "The source account's LMS id (the duplicate)", required = true)
    String from;

    @Argument(index = 1, name = "to", description = "The target account's LMS id", required = true)
    String to;

    @Override
    protected void run(PrintStream out) {
        TransferPreview p = transfers.preview(user(from), user(to), SourceAccount.LEFT_AS_IS);
        TransferTables.preview(p.items()).print(out);
        p.warnings().forEach(w -> out.println("Warning: " + w));
        out.println(p.sourceAccountEffect());
    }

    static TransferUser user(String typed) {
        return new TransferUser(ConsoleIds.lmsId(typed), "user " + typed);
    }
}
