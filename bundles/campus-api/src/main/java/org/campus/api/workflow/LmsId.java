package org.campus.api.workflow;

import java.util.Objects;

/**
 * An id the LMS owns (a record, course, activity or user id), kept as the string it is and
 * remembering whether it travelled as a JSON number, so that it can be given back the same way.
 *
 * @param value 1 to 255 characters
 * @param numeric the LMS sent it as a number (then {@code value} is its decimal form)
 */
public record LmsId(String value, boolean numeric) {

    public static final int MAX_LENGTH = 255;

    public LmsId {
        Objects.requireNonNull(value, "value");
    }

    public static LmsId of(String value) {
        return new LmsId(value, false);
    }

    public static LmsId of(long value) {
        return new LmsId(Long.toString(value), true);
    }

    @Override
    public String toString() {
        return value;
    }
}
