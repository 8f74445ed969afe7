package org.campus.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.campus.api.security.AuditService;

@Service
@Command(scope = "campus", name = "audit-list", description = "Lists the audit trail, newest first, one page at a time.")
public class AuditListCommand extends CampusAction {

    @Reference
    AuditService audit;

    @Option(name = "--actor", description = "Only the changes of this admin or LMS key name (as listed)")
    String actor;

    @Option(name = "--kind", description = "Only changes by admin, lms or system")
    String kind;

    @Option(name = "--action", description = "Only this action, e.g. 'POST /share-progress'")
    String action;

    @Option(name = "--from", description = "From this ISO-8601 UTC time (inclusive)")
    String from;

    @Option(name = "--to", description = "Before this ISO-8601 UTC time")
    String to;

    @Option(name = "--limit", aliases = "-n", description = "How many entries to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--cursor", description = "Where to continue, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        ActorKind actorKind = null;
        if (kind != null) {
            actorKind = ActorKind.fromCode(kind)
                    .orElseThrow(() -> new InvalidInputException("kind", "must be one of admin, lms, system"));
        }
        AuditQuery query = new AuditQuery(actor, actorKind, action, time("from", from), time("to", to));
        Page<AuditEntry> page = audit.query(query, new PageRequest(limit, cursor));
        ShellTable table = new ShellTable().emptyTableText("No audit entries found.");
        table.column("Time");
        table.column("Actor");
        table.column("Kind");
        table.column("Action");
        table.column("Target").maxSize(50);
        table.column("From");
        table.column("Detail").maxSize(40);
        for (AuditEntry e : page.items()) {
            table.addRow().addContent(Cells.time(e.time()), e.actor(), e.actorKind().code(), e.action(),
                    Cells.text(e.target()), Cells.text(e.remoteAddress()), Cells.text(e.detail()));
        }
        table.print(out);
        if (page.next() != null) {
            out.println("Next cursor: " + page.next());
        }
    }

    private static Instant time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 UTC time such as 2024-05-01T10:00:00Z");
        }
    }
}
