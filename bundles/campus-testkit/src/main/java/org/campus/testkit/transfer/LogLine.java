package org.campus.testkit.transfer;

import org.campus.spi.LogLevel;

/**
 * One line a provider wrote to the context's log.
 *
 * @param level its level
 * @param message the message with its {@code {}} placeholders filled in (a last {@link Throwable}
 *        argument without a placeholder is appended as its message, as the core does)
 */
public record LogLine(LogLevel level, String message) {

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
        out.append(message.substring(from));
        if (argument == arguments.length - 1 && arguments[argument] instanceof Throwable t) {
            out.append(": ").append(t.getMessage());
        }
        return out.toString();
    }
}
