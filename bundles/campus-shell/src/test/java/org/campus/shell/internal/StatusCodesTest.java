package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.sharing.ShareStatus;
import org.junit.jupiter.api.Test;

class StatusCodesTest {

    @Test
    void completionValues() {
        assertEquals(List.of("in_progress", "sent", "error"), StatusCodes.all());
        assertEquals(List.of("sent", "error"), StatusCodes.targets());
    }

    @Test
    void filterAcceptsEveryStatusAndNone() {
        assertNull(StatusCodes.filter(null));
        assertNull(StatusCodes.filter(" "));
        assertEquals(ShareStatus.IN_PROGRESS, StatusCodes.filter("in_progress"));
        assertEquals(ShareStatus.SENT, StatusCodes.filter(" SENT "));
    }

    @Test
    void unknownFilterNamesTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StatusCodes.filter("done"));
        assertEquals(List.of(new FieldError("status", "must be one of in_progress, sent, error")), e.errors());
    }

    @Test
    void targetRejectsInProgress() {
        assertEquals(ShareStatus.ERROR, StatusCodes.target("error"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StatusCodes.target("in_progress"));
        assertEquals(List.of(new FieldError("status", "must be one of sent, error")), e.errors());
        assertThrows(InvalidInputException.class, () -> StatusCodes.target(null));
    }
}
