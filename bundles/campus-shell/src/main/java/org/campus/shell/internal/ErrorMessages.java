package org.campus.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.campus.api.CampusException;
import org.campus.api.InvalidInputException;

/** Turns a {@link CampusException} into the lines a console user reads: one per broken field. */
final class ErrorMessages {

    static final String PREFIX = "Error: ";

    private ErrorMessages() {
    }

    /**
     * {@code Error: <field>: <message>} for each field error of an {@link InvalidInputException},
     * otherwise one {@code Error: <message>} line. Every line is a single line.
     */
    static List<String> of(CampusException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.errors().stream()
                    .map(error -> PREFIX + oneLine(error.field()) + ": " + oneLine(error.message()))
                    .collect(Collectors.toList());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return List.of(PREFIX + oneLine(message));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
