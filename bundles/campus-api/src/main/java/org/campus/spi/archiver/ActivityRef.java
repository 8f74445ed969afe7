package org.campus.spi.archiver;

import java.util.Objects;

/**
 * One activity of a job, as the LMS names it.
 *
 * @param type the activity type, which selects the archiver (e.g. {@code workflow})
 * @param id the LMS's id of the activity (e.g. the course module id), 1 to 255 characters
 */
public record ActivityRef(String type, String id) {

    public ActivityRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
