package org.campus.rest.internal.http;

import java.util.List;

import org.campus.api.FieldError;

/** An RFC 9457 problem detail. {@code errors} names the offending input fields, if any. */
public record Problem(int status, String title, String detail, List<FieldError> errors) {

    public String type() {
        return "https://campus.invalid/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
