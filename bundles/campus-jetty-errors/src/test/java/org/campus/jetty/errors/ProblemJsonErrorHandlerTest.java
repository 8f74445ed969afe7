package org.campus.jetty.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.Test;

class ProblemJsonErrorHandlerTest {

    private final ProblemJsonErrorHandler handler = new ProblemJsonErrorHandler();

    @Test
    void aRequestJettyCannotParseIsAProblem() {
        HttpFields fields = new HttpFields();
        ByteBuffer body = handler.badMessageError(400, "Bad Request <script>", fields);

        assertEquals("application/problem+json", fields.get(HttpHeader.CONTENT_TYPE));
        String text = StandardCharsets.UTF_8.decode(body).toString();
        assertEquals("{\"type\":\"https://campus.invalid/problems/bad-request\",\"title\":\"Bad Request\","
                + "\"status\":400,\"detail\":\"The request was refused\"}", text);
        assertFalse(text.contains("script"), "the reason Jetty gives is not echoed");
    }

    @Test
    void headersTooLargeKeepsItsStatus() {
        String text = ProblemJsonErrorHandler.problem(431);
        assertEquals("{\"type\":\"https://campus.invalid/problems/request-header-fields-too-large\","
                + "\"title\":\"Request Header Fields Too Large\",\"status\":431,"
                + "\"detail\":\"The request was refused\"}", text);
    }

    @Test
    void aStatusOutsideTheErrorsIsAServerError() {
        assertEquals(500, Integer.parseInt(ProblemJsonErrorHandler.problem(200).replaceAll(".*\"status\":(\\d+).*", "$1")));
    }
}
