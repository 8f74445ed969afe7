package org.campus.api.job;

import java.util.Map;
import java.util.Objects;

/**
 * A job to submit: its type (an executor must be registered for it), who asks for it, and its
 * input as a few short named values. Bulk input belongs in the submitting service's own tables,
 * keyed by the job's id or named by a parameter.
 */
public record NewJob(String type, String owner, Map<String, String> parameters) {

    /** Job types: lower-case words separated by dots or dashes, e.g. {@code privacy.user-erasure}. */
    public static final String TYPE_PATTERN = "[a-z][a-z0-9]*([.-][a-z0-9]+)*";
    public static final int MAX_TYPE_LENGTH = 64;
    public static final int MAX_OWNER_LENGTH = 255;
    public static final int MAX_PARAMETERS = 32;
    public static final int MAX_PARAMETER_NAME_LENGTH = 64;
    /** The most characters of all parameter names and values together. */
    public static final int MAX_PARAMETERS_LENGTH = 8000;

    public NewJob {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public NewJob(String type, String owner) {
        this(type, owner, Map.of());
    }
}
