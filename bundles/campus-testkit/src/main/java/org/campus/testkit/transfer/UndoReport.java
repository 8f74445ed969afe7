package org.campus.testkit.transfer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campus.spi.transfer.UndoRefusal;

/**
 * What a provider reported for an undo (or its dry run).
 *
 * @param dryRun whether it was a dry run
 * @param undone the items reported undone (in a dry run: undoable), in report order
 * @param refused the items refused, with why
 * @param log what the provider logged
 */
public record UndoReport(boolean dryRun, Set<String> undone, Map<String, Refusal> refused, List<LogLine> log) {

    public UndoReport {
        undone = Set.copyOf(undone);
        refused = Map.copyOf(refused);
        log = List.copyOf(log);
    }

    /** Why one item was not undone, with the provider's sentence for the admin. */
    public record Refusal(UndoRefusal reason, String detail) {
    }
}
