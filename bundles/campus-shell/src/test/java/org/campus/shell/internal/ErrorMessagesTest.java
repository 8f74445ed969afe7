package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void invalidInputGivesOneLinePerField() {
        InvalidInputException e = new InvalidInputException(List.of(
                new FieldError("resourceUrl", "must be an absolute http or https URL"),
                new FieldError("states[2].id", "is required")));

        assertEquals(List.of(
                "Error: resourceUrl: must be an absolute http or https URL",
                "Error: states[2].id: is required"), ErrorMessages.of(e));
    }

    @Test
    void notFoundAndConflictGiveTheirMessage() {
        assertEquals(List.of("Error: share 7 does not exist"), ErrorMessages.of(NotFoundException.of("share", 7)));
        assertEquals(List.of("Error: share 7 is not in progress"),
                ErrorMessages.of(new ConflictException("share 7 is not in progress")));
    }

    @Test
    void everyMessageStaysOnOneLine() {
        assertEquals(List.of("Error: first line second line"),
                ErrorMessages.of(new ForbiddenException("first line\r\n  second line\n")));
        assertEquals(List.of("Error: message: a b"),
                ErrorMessages.of(new InvalidInputException("message", "a\nb")));
    }

    @Test
    void missingMessageFallsBackToTheKindOfError() {
        assertEquals(List.of("Error: ConflictException"), ErrorMessages.of(new ConflictException(null)));
    }
}
