package org.campus.shell.internal;

import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.ProviderInfo;
import org.campus.api.privacy.ProviderOutcome;

/** The console tables of the privacy service: its providers, and each provider's outcome in an erasure. */
final class PrivacyTables {

    static final int MAX_DESCRIPTION_WIDTH = 80;

    private PrivacyTables() {
    }

    static ShellTable providers(List<ProviderInfo> providers) {
        ShellTable table = new ShellTable().emptyTableText("No privacy providers are registered.");
        table.column("Name");
        table.column("Registered");
        table.column("Description").maxSize(MAX_DESCRIPTION_WIDTH).wrap();
        providers.forEach(p -> table.addRow().addContent(p.name(), Cells.yesNo(p.registered()),
                Cells.text(p.description())));
        return table;
    }

    /** One row per provider, by provider name. */
    static ShellTable erasure(ErasureReport report) {
        ShellTable table = new ShellTable().emptyTableText("No provider reported anything.");
        table.column("Provider");
        table.column("Outcome");
        table.column("Deleted").alignRight();
        table.column("Reason").maxSize(MAX_DESCRIPTION_WIDTH).wrap();
        for (ProviderOutcome o : report.providers()) {
            table.addRow().addContent(o.provider(), o.outcome().code(), o.deleted(), Cells.text(o.reason()));
        }
        return table;
    }

    static String erasureTotal(ErasureReport report) {
        int total = report.total();
        return "Deleted " + total + (total == 1 ? " record" : " records") + " in total.";
    }
}
