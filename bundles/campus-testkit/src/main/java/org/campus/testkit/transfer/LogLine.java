package org.campus.testkit.transfer;

/**
 * One line a provider wrote to the context's log.
 *
 * @param level DEBUG, INFO, WARN or ERROR
 * @param message the message with its {@code {}} placeholders filled in
 */
public record LogLine(String level, String message) {

    static String format(String message, Object... arguments) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int argument = 0;
        int at;
        while ((at = message.indexOf("{}", from)) >= 0) {
            out.append(message, from, at);
            out.append(argument < arguments.length ? String.valueOf(arguments[argument++]) : "{}");
            from = at + 2;
        }
        return out.append(message.substring(from)).toString();
    }
}
