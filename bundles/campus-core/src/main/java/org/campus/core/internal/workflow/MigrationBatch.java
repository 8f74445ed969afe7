package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.campus.api.workflow.RecordVisibility;
import org.campus.core.internal.workflow.MigrationSpec.RecordAction;
import org.campus.core.internal.workflow.WorkflowRecordRepository.Migrating;
import org.campus.core.internal.workflow.WorkflowRecordRepository.Selection;

/**
 * One batch of a migration job, in the transaction of the job's checkpoint: the records of an id
 * range that the migration still selects are changed one by one, each only if its version is the one
 * read, with one history entry each, and the plan's counts grow by the records changed. Nothing but
 * the batch's own rows is locked. A record an action changed after it was read is read again and
 * changed from its new state (up to {@link #ROUNDS} times; after that the next pass takes it), so of
 * an action and a batch racing for a record exactly one wins: the action that loses gets 409.
 * A record in a state the plan does not map is left on its workflow, in that state.
 */
final class MigrationBatch {

    /** How often a batch takes up again the records that actions changed under it. */
    static final int ROUNDS = 3;

    /** What a batch did: the records it read, changed, and left in states the plan does not map. */
    record Outcome(int read, int changed, int unmapped) {
    }

    /** Test hooks: inside the batch's transaction, after its records were read, and before it commits. */
    interface Hooks {
        default void afterRead(List<Migrating> rows) {
        }

        default void beforeCommit(Outcome outcome) {
        }
    }

    private final WorkflowRecordRepository records;
    private final MigrationPlans plans;
    volatile Hooks hooks = new Hooks() { };

    MigrationBatch(WorkflowRecordRepository records, MigrationPlans plans) {
        this.records = records;
        this.plans = plans;
    }

    Outcome run(Connection c, MigrationSpec spec, Selection selection, String hint, long after, long last,
            LongSupplier clock) throws SQLException {
        List<Migrating> rows = records.range(c, selection, hint, after, last);
        hooks.afterRead(rows);
        Map<String, Long> doneByState = new TreeMap<>();
        int changed = 0;
        int unmapped = 0;
        List<Migrating> pending = rows;
        for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
            List<Migrating> unmoved = new ArrayList<>(pending.size());
            for (Migrating m : pending) {
                if (spec.action() == RecordAction.MIGRATE && !spec.stateMap().containsKey(m.state())) {
                    unmapped++;
                } else {
                    unmoved.add(m);
                }
            }
            long now = clock.getAsLong();
            boolean[] won = change(c, spec, unmoved, now);
            List<Migrating> done = new ArrayList<>(unmoved.size());
            List<Long> lost = new ArrayList<>();
            for (int i = 0; i < unmoved.size(); i++) {
                if (won[i]) {
                    done.add(unmoved.get(i));
                    doneByState.merge(unmoved.get(i).state(), 1L, Long::sum);
                } else {
                    lost.add(unmoved.get(i).id());
                }
            }
            records.appendHistoryEach(c, done, spec.action().code(),
                    spec.action() == RecordAction.MIGRATE ? spec.stateMap()::get : state -> state,
                    spec.actor(), spec.comment(), now);
            changed += done.size();
            pending = records.reread(c, selection, lost);
        }
        plans.addDone(c, spec.jobId(), doneByState);
        Outcome outcome = new Outcome(rows.size(), changed, unmapped);
        hooks.beforeCommit(outcome);
        return outcome;
    }

    private boolean[] change(Connection c, MigrationSpec spec, List<Migrating> rows, long now) throws SQLException {
        RecordVisibility visibility = spec.visibility();
        return visibility == null ? records.moveEach(c, rows, spec.toWorkflowId(), spec.stateMap(), now)
                : records.setVisibilityEach(c, rows, visibility, now);
    }
}
