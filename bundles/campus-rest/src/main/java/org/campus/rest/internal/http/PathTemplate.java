package org.campus.rest.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A path such as {@code /share-progress/{id}/status}, matched segment by segment. */
public final class PathTemplate {

    private final String template;
    private final String[] segments;
    private final boolean[] variable;

    public PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with /: " + template);
        }
        this.template = template;
        this.segments = split(template);
        this.variable = new boolean[segments.length];
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith("{") && s.endsWith("}")) {
                variable[i] = true;
                segments[i] = s.substring(1, s.length() - 1);
            }
        }
    }

    public String template() {
        return template;
    }

    /** The variables of the path, or {@code null} when it does not match. */
    public Map<String, String> match(String[] pathSegments) {
        if (pathSegments.length != segments.length) {
            return null;
        }
        Map<String, String> vars = null;
        for (int i = 0; i < segments.length; i++) {
            if (variable[i]) {
                if (pathSegments[i].isEmpty()) {
                    return null;
                }
                if (vars == null) {
                    vars = new HashMap<>(4);
                }
                vars.put(segments[i], pathSegments[i]);
            } else if (!segments[i].equals(pathSegments[i])) {
                return null;
            }
        }
        return vars == null ? Map.of() : vars;
    }

    /** How specific the template is: literal segments count more, so {@code /x/source-deleted} beats {@code /x/{id}}. */
    int literalCount() {
        int n = 0;
        for (boolean v : variable) {
            if (!v) {
                n++;
            }
        }
        return n;
    }

    public static String[] split(String path) {
        List<String> parts = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                parts.add(path.substring(start, i));
                start = i + 1;
            }
        }
        if (path.length() > 1 && path.endsWith("/")) {
            parts.remove(parts.size() - 1);
        }
        if (path.equals("/") || path.isEmpty()) {
            return new String[0];
        }
        return parts.toArray(new String[0]);
    }
}
