package org.campus.api;

import java.util.Objects;

/**
 * One problem with one input field. {@code field} is a path into the input, e.g. {@code courseId}
 * or {@code states[2].id}.
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
