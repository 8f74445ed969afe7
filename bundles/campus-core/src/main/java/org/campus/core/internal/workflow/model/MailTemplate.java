package org.campus.core.internal.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.Notification;

/**
 * The subject and body templates of notifications: {@code {name}} is replaced by the value of a
 * placeholder out of {@link Notification#PLACEHOLDERS}, a doubled brace is a literal brace. Nothing
 * else is interpreted: no expressions, no nesting, no recursion (values are inserted as they are).
 */
public final class MailTemplate {

    private MailTemplate() {
    }

    /** What is wrong with a template; empty when it is fine. */
    public static List<String> problems(String template) {
        List<String> problems = new ArrayList<>();
        parse(template, null, problems);
        return problems;
    }

    /**
     * The template with its placeholders replaced. With {@code oneLine}, every line break, tab and
     * other control character inside a value becomes a space, so that a value cannot start a new
     * header line. Unknown placeholders (which the validator refuses) are kept as written.
     */
    public static String render(String template, Map<String, String> values, boolean oneLine) {
        StringBuilder out = new StringBuilder();
        parse(template, (literal, name) -> {
            if (name == null) {
                out.append(literal);
            } else if (values.containsKey(name)) {
                String value = values.get(name) == null ? "" : values.get(name);
                out.append(oneLine ? singleLine(value) : value);
            } else {
                out.append('{').append(name).append('}');
            }
        }, new ArrayList<>());
        return out.toString();
    }

    /** Control characters (CR, LF, tab, ...) as spaces. */
    public static String singleLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                ? ' ' : c));
        return out.toString();
    }

    private interface Sink {
        /** A literal piece ({@code name == null}) or a placeholder. */
        void accept(String literal, String name);
    }

    private static void parse(String template, Sink sink, List<String> problems) {
        if (template == null) {
            return;
        }
        int i = 0;
        int n = template.length();
        StringBuilder literal = new StringBuilder();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < n && template.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '{') {
                int close = template.indexOf('}', i + 1);
                if (close < 0) {
                    problems.add("has a '{' at " + i + " that is never closed; write '{{' for a literal brace");
                    literal.append(template, i, n);
                    break;
                }
                String name = template.substring(i + 1, close);
                if (!Notification.PLACEHOLDERS.contains(name)) {
                    problems.add("has the unknown placeholder {" + shorten(name) + "}; known are "
                            + String.join(", ", Notification.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
                }
                if (sink != null) {
                    sink.accept(literal.toString(), null);
                    literal.setLength(0);
                    sink.accept(null, name);
                }
                i = close + 1;
            } else if (c == '}') {
                problems.add("has a lone '}' at " + i + "; write '}}' for a literal brace");
                literal.append(c);
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (sink != null) {
            sink.accept(literal.toString(), null);
        }
    }

    private static String shorten(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "..." : name;
    }
}
