package org.campus.transfer.moodle.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The parameters of a Moodle web-service call, form-encoded the way Moodle's REST server reads
 * arrays: {@code enrolments[0][roleid]=5&enrolments[0][userid]=3}.
 */
final class FormParams {

    private final StringBuilder body = new StringBuilder();

    FormParams add(String name, Object value) {
        if (body.length() > 0) {
            body.append('&');
        }
        body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        return this;
    }

    /** Adds {@code array[index][key]=value}. */
    FormParams add(String array, int index, String key, Object value) {
        return add(array + "[" + index + "][" + key + "]", value);
    }

    boolean isEmpty() {
        return body.length() == 0;
    }

    String encoded() {
        return body.toString();
    }
}
