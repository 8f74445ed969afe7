package org.campus.core.internal.transfer;

import java.sql.SQLException;

import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobWork;

/**
 * Where a transfer's outcomes are written: with the job's checkpoint (fenced: only the job's current
 * attempt may write, and the outcome and the checkpoint commit together), or, for an undo asked on
 * a request, in a transaction of its own.
 */
@FunctionalInterface
interface Writes {

    <R> R write(String step, JobWork<R> work) throws SQLException;

    static Writes of(JobContext job) {
        return new Writes() {
            @Override
            public <R> R write(String step, JobWork<R> work) throws SQLException {
                return job.checkpoint(step, null, work);
            }
        };
    }

    static Writes of(JdbcTransactions jdbc) {
        return new Writes() {
            @Override
            public <R> R write(String step, JobWork<R> work) throws SQLException {
                return jdbc.write(work::run);
            }
        };
    }
}
