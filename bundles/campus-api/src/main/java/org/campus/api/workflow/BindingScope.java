package org.campus.api.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a workflow binding applies. A record without a workflow of its own follows its activity's
 * binding, else its course's, else the global one.
 */
public enum BindingScope {
    /** Every course; no course or activity id. */
    GLOBAL("global"),
    /** One course; a course id, no activity id. */
    COURSE("course"),
    /** One activity of a course; both ids. */
    ACTIVITY("activity");

    private final String code;

    BindingScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<BindingScope> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
