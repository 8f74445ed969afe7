package org.campus.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campus.api.privacy.PersonalData;

/**
 * What one provider holds about a user, as console lines: a heading, the description, then each
 * record as {@code key=value} lines. Nested maps become dotted keys ({@code owner.name}), lists
 * indexed keys ({@code timeline[0].status}); instants print as ISO-8601 UTC; line breaks inside a
 * value print as {@code \n} so that every pair stays on one line.
 */
final class PersonalDataLines {

    static final String INDENT = "  ";

    private PersonalDataLines() {
    }

    static List<String> of(PersonalData data) {
        List<String> lines = new ArrayList<>();
        int count = data.records().size();
        lines.add(data.provider() + " (" + count + (count == 1 ? " record)" : " records)"));
        if (data.description() != null && !data.description().isBlank()) {
            lines.add(INDENT + oneLine(data.description()));
        }
        for (int i = 0; i < count; i++) {
            lines.add(INDENT + "#" + (i + 1));
            for (String pair : pairs(data.records().get(i))) {
                lines.add(INDENT + INDENT + pair);
            }
        }
        return lines;
    }

    /** One record as {@code key=value} lines, in the record's own key order. */
    static List<String> pairs(Map<String, ?> record) {
        List<String> pairs = new ArrayList<>();
        record.forEach((key, value) -> flatten(String.valueOf(key), value, pairs));
        return pairs;
    }

    private static void flatten(String key, Object value, List<String> pairs) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(key + "." + k, v, pairs));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(key + "[" + i + "]", list.get(i), pairs);
            }
        } else {
            pairs.add(key + "=" + scalar(value));
        }
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return oneLine(String.valueOf(value));
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
