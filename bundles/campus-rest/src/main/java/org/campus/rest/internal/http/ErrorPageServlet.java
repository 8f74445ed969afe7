package org.campus.rest.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Paths under {@code /campus} that no Campus servlet serves (such as
 * {@code /campus/api/v1/x/..%2F..%2Fetc}, which the container normalises to {@code /campus/api/etc}),
 * and errors the container answers itself, as problem+json rather than the container's HTML page.
 * Says nothing about the request beyond its status.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletName("campus-errors")
@HttpWhiteboardServletPattern("/campus/*")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Json json = new Json();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status;
        if (code instanceof Integer i) {
            status = i >= 400 && i < 600 ? i : 500;
        } else {
            // a request to a path under /campus that nothing else serves
            status = RawPath.refusal(req.getRequestURI(), req.getPathInfo()) != null ? 400 : 404;
        }
        byte[] body = json.mapper().writeValueAsBytes(
                new Problem(status, title(status), detail(status), List.of()));
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentType(Json.PROBLEM_CONTENT_TYPE);
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status < 500 ? "Bad Request" : "Internal Server Error";
        };
    }

    private static String detail(int status) {
        return status == 404 ? "No resource at this address" : status < 500 ? "The request was refused"
                : "The server could not answer; the error was logged";
    }
}
