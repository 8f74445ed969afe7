package org.campus.core.internal.workflow.model;

import java.util.regex.Pattern;

/** Builds field paths such as {@code states[2].permissions.teacher[0]} for validation errors. */
public final class FieldPath {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FieldPath() {
    }

    public static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    public static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A map key: dotted when it is a plain name, otherwise quoted in brackets. */
    public static String key(String path, String key) {
        if (key != null && PLAIN_KEY.matcher(key).matches()) {
            return path + "." + key;
        }
        String quoted = key == null ? "null" : "'" + key.replace("\\", "\\\\").replace("'", "\\'") + "'";
        return path + "[" + quoted + "]";
    }
}
