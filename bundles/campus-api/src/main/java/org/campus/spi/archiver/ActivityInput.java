package org.campus.spi.archiver;

import java.util.Arrays;
import java.util.Optional;

/** Where an archiver's data comes from; the values of {@link ActivityArchiver#PROPERTY_INPUTS}. */
public enum ActivityInput {

    /** Data Campus holds itself (e.g. workflow records), read through the Campus service APIs. */
    CAMPUS("campus"),

    /** JSON the LMS sends with the job, as the activity's {@code data}: {@link ArchiveContext#openInlineData()}. */
    INLINE("inline"),

    /** Files uploaded into the job before it starts (or by a worker): {@link ArchiveContext#uploads()}. */
    UPLOADS("uploads");

    private final String value;

    ActivityInput(String value) {
        this.value = value;
    }

    /** The value of the service property. */
    public String value() {
        return value;
    }

    public static Optional<ActivityInput> fromValue(String value) {
        return Arrays.stream(values()).filter(i -> i.value.equals(value)).findFirst();
    }
}
