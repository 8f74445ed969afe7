package org.campus.rest.internal.http;

import java.util.List;
import java.util.Locale;

import org.campus.api.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem detail. {@code errors} names the offending input fields, if any. Every text is
 * bounded as the OpenAPI document's {@code Problem} says: a definition with thousands of faults, or a
 * field path built from a long JSON key, still makes an answer of known size.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(int status, String title, String detail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    static final int MAX_DETAIL = 2000;
    static final int MAX_ERRORS = 100;
    static final int MAX_FIELD = 500;
    static final int MAX_MESSAGE = 1000;

    public Problem {
        detail = cut(detail, MAX_DETAIL);
        errors = errors.stream().limit(MAX_ERRORS)
                .map(e -> new FieldError(cut(e.field(), MAX_FIELD), cut(e.message(), MAX_MESSAGE))).toList();
    }

    @JsonProperty("type")
    public String type() {
        return "https://campus.invalid/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
