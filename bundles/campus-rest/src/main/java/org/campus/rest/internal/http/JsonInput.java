package org.campus.rest.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the fields of a JSON object and collects every problem with its field name, so that one
 * 400 answer names all that is wrong. Call {@link #check()} before using what was read.
 */
public final class JsonInput {

    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    public JsonInput(ObjectNode node) {
        this(node, "", new ArrayList<>());
    }

    private JsonInput(ObjectNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    public ObjectNode node() {
        return node;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A whole number; numeric strings such as {@code "42"} are accepted too, as LMS ids often travel as strings. */
    public Long optionalLong(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            String s = v.textValue().trim();
            if (s.matches("-?\\d{1,18}")) {
                return Long.parseLong(s);
            }
        }
        error(field, "must be a whole number");
        return null;
    }

    public Long requiredLong(String field) {
        if (!has(field)) {
            error(field, "is required");
            return null;
        }
        return optionalLong(field);
    }

    public String optionalString(String field, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String s = v.textValue();
        if (s.length() > maxLength) {
            error(field, "is longer than " + maxLength + " characters");
            return null;
        }
        return s;
    }

    public String requiredString(String field, int maxLength) {
        if (!has(field)) {
            error(field, "is required");
            return null;
        }
        String s = optionalString(field, maxLength);
        if (s != null && s.isBlank()) {
            error(field, "must not be blank");
            return null;
        }
        return s;
    }

    /** A string that must be one of the codes {@code parse} understands; {@code allowed} lists them for the message. */
    public <T> T requiredCode(String field, Function<String, Optional<T>> parse, String allowed) {
        String s = requiredString(field, 64);
        if (s == null) {
            return null;
        }
        Optional<T> value = parse.apply(s);
        if (value.isEmpty()) {
            error(field, "must be one of " + allowed);
            return null;
        }
        return value.get();
    }

    /**
     * Names every field of the body that is not one of {@code fields}: the document describes request
     * bodies as closed, so a misspelt field is refused rather than silently ignored.
     */
    public void allowOnly(String... fields) {
        java.util.Set<String> allowed = java.util.Set.of(fields);
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                errors.add(new FieldError(prefix + f, "is not a field of this request (known: "
                        + String.join(", ", fields) + ")"));
            }
        });
    }

    public void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
