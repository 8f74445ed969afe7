package org.campus.rest.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.Json;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** One JSON form of an LMS id both ways: a string of 1 to 255 characters or a 64-bit whole number. */
class LmsIdJsonTest {

    private final ObjectMapper mapper = new Json().mapper();

    @Test
    void anIdGoesBackAsItCame() throws Exception {
        assertEquals("17", mapper.writeValueAsString(LmsId.of(17)));
        assertEquals("\"17\"", mapper.writeValueAsString(LmsId.of("17")));
        assertEquals("-9223372036854775808", mapper.writeValueAsString(LmsId.of(Long.MIN_VALUE)));
        assertEquals("\"12x\"", mapper.writeValueAsString(new LmsId("12x", true)), "never a broken number");
        assertEquals(LmsId.of(9223372036854775807L), mapper.readValue("9223372036854775807", LmsId.class));
        assertEquals(LmsId.of("c-2"), mapper.readValue("\"c-2\"", LmsId.class));
    }

    @Test
    void whatIsNoLmsIdIsRefused() throws Exception {
        assertNull(LmsIdJson.read(mapper.readTree("9223372036854775808")));
        assertNull(LmsIdJson.read(mapper.readTree("1.5")));
        assertNull(LmsIdJson.read(mapper.readTree("\" \"")));
        assertNull(LmsIdJson.read(mapper.readTree("\"" + "x".repeat(256) + "\"")));
        assertNull(LmsIdJson.read(mapper.readTree("true")));
        assertNull(LmsIdJson.read(mapper.readTree("\"\\u0000\"")), "no control characters");
        assertNull(LmsIdJson.fromText("c-2\r\nX-Injected: 1"));
        assertEquals(LmsId.of("x".repeat(255)), LmsIdJson.read(mapper.readTree("\"" + "x".repeat(255) + "\"")));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("[1]", LmsId.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("12345678901234567890", LmsId.class));
    }
}
