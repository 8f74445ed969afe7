package org.campus.rest.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.campus.rest.internal.system.SystemResource;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Every answer of the route tests, checked against the OpenAPI document with Atlassian's
 * swagger-request-validator: its status, media type and body must be declared for the operation, and
 * a request the servlet accepted must be one the document allows.
 */
final class OpenApiCheck {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(document()).withBasePathOverride(ApiServlet.BASE)
            .withStrictOperationPathMatching().build();

    private OpenApiCheck() {
    }

    static void check(FakeHttp.Request request, FakeHttp.Response response) {
        SimpleRequest.Builder req = new SimpleRequest.Builder(request.method, ApiServlet.BASE + request.pathInfo);
        request.headers.forEach(req::withHeader);
        request.params.forEach((k, v) -> req.withQueryParam(k, v));
        if (request.body != null && request.body.length > 0) {
            req.withBody(new String(request.body, StandardCharsets.UTF_8));
        }
        SimpleResponse.Builder res = new SimpleResponse.Builder(response.status);
        response.headers.forEach(res::withHeader);
        if (response.contentType != null) {
            res.withContentType(response.contentType);
        }
        String body = response.body();
        if (!body.isEmpty()) {
            res.withBody(body);
        }
        ValidationReport report = VALIDATOR.validate(req.build(), res.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            if (m.getKey().startsWith("validation.request") && response.status >= 400) {
                continue;
            }
            problems.add(m.getKey() + ": " + m.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(request.method + " " + request.pathInfo + " -> " + response.status
                    + " does not conform to the OpenAPI document:\n  " + String.join("\n  ", problems) + "\n  answer: "
                    + (body.length() > 400 ? body.substring(0, 400) : body));
        }
    }

    private static String document() {
        try (InputStream in = SystemResource.class.getResourceAsStream(SystemResource.OPENAPI)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
