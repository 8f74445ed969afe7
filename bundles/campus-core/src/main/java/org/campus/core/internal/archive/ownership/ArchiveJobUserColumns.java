package org.campus.core.internal.archive.ownership;

/**
 * The one place that names what {@link ArchiveOwnershipImpl} touches of {@code archive_job} (V12,
 * V17): it reads {@link #ID}, {@link #COURSE_ID}, {@link #COURSE_NUMERIC}, {@link #TIME_CREATED}
 * and reads and writes only {@link #USER_ID} and {@link #USER_NUMERIC}.
 */
final class ArchiveJobUserColumns {

    static final String TABLE = "archive_job";
    static final String ID = "id";
    static final String COURSE_ID = "course_id";
    static final String COURSE_NUMERIC = "course_numeric";
    static final String TIME_CREATED = "time_created";
    /** The LMS user the job was made for (V17): the id as the LMS sent it, NULL for none. */
    static final String USER_ID = "user_id";
    /** Whether {@link #USER_ID} came as a number (V17). */
    static final String USER_NUMERIC = "user_numeric";

    private ArchiveJobUserColumns() {
    }
}
