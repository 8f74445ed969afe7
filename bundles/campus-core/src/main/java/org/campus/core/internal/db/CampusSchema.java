package org.campus.core.internal.db;

/**
 * Registered once the schema is migrated. Components that touch the database reference it, so that
 * none of them runs against a schema that is not up to date.
 */
public interface CampusSchema {

    /** The schema version now in place. */
    String version();
}
