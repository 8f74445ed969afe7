package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfirmationTest {

    @Test
    void onlyYesConfirms() {
        assertTrue(Confirmation.isYes("yes"));
        assertTrue(Confirmation.isYes(" YES \n"));
        assertFalse(Confirmation.isYes("y"));
        assertFalse(Confirmation.isYes("no"));
        assertFalse(Confirmation.isYes(""));
        assertFalse(Confirmation.isYes(null));
    }
}
