package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.IntStream;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Problem details stay within the bounds the OpenAPI document's Problem schema gives, whatever the input. */
class ProblemTest {

    @Test
    void aThousandFaultsMakeAnAnswerOfKnownSize() throws Exception {
        List<FieldError> errors = IntStream.range(0, 1000)
                .mapToObj(i -> new FieldError("roleAddresses['" + "r".repeat(2000) + i + "']", "m".repeat(5000)))
                .toList();
        Problem p = new ProblemMapper().toProblem(new InvalidInputException(errors));

        JsonNode json = new Json().mapper().valueToTree(p);

        assertEquals(400, json.get("status").asInt());
        assertEquals(Problem.MAX_DETAIL, json.get("detail").asText().length());
        assertEquals(Problem.MAX_ERRORS, json.get("errors").size());
        assertEquals(Problem.MAX_FIELD, json.at("/errors/0/field").asText().length());
        assertEquals(Problem.MAX_MESSAGE, json.at("/errors/99/message").asText().length());
        assertEquals("https://campus.invalid/problems/bad-request", json.get("type").asText());
    }

    @Test
    void aProblemWithoutFieldsHasNoErrorsMember() {
        JsonNode json = new Json().mapper().valueToTree(new Problem(404, "Not Found", "no such share", List.of()));

        assertFalse(json.has("errors"));
        assertEquals(List.of("type", "title", "status", "detail"), List.copyOf(iterable(json)));
    }

    private static List<String> iterable(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
