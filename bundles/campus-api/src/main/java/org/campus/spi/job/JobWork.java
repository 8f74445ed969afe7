package org.campus.spi.job;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Database work committed together with a checkpoint, on a connection of the Campus data source
 * whose transaction the engine commits or rolls back (the work neither commits nor closes it).
 */
@ConsumerType
@FunctionalInterface
public interface JobWork<R> {
    R run(Connection connection) throws SQLException;
}
