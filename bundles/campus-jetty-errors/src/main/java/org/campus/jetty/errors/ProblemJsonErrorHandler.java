package org.campus.jetty.errors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's server-level error handler, for what it answers before any servlet context runs: a
 * request it cannot parse (a NUL in the path, a malformed request line, headers too large). The
 * answer is an RFC 9457 problem in the same shape as every other Campus error, and says nothing
 * about the request beyond its status.
 */
public class ProblemJsonErrorHandler extends ErrorHandler {

    public static final String CONTENT_TYPE = "application/problem+json";

    public ProblemJsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(problem(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        byte[] body = problem(code).getBytes(StandardCharsets.UTF_8);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    /** The problem document for a status; the title is the status's standard reason phrase. */
    static String problem(int status) {
        int code = status >= 400 && status < 600 ? status : 500;
        String title = HttpStatus.getMessage(code);
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String detail = code < 500 ? "The request was refused" : "The server could not answer; the error was logged";
        return "{\"type\":\"https://campus.invalid/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":"
                + code + ",\"detail\":\"" + detail + "\"}";
    }
}
