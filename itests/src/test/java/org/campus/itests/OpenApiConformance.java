package org.campus.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Checks exchanges against the OpenAPI document that the Campus under test serves, with Atlassian's
 * swagger-request-validator, in the test driver's JVM (the tests run inside Karaf, where the validator's
 * libraries are not). {@link ValidatingHttpClient} posts every exchange here over loopback.
 *
 * <ul>
 * <li>Every answer must be one the document declares for its operation: the status code, the media type,
 * the headers and the body, which may hold no field the document does not name.</li>
 * <li>A request that was accepted (below 400) must be valid too. A refused one (hostile input, a missing
 * credential) is not judged: refusing it is the point.</li>
 * <li>An answer on a path or method that no operation has (404, 405, or 400/401 before routing) must be
 * problem details as the document's {@code Problem} schema says.</li>
 * </ul>
 */
public final class OpenApiConformance {

    private static final Set<String> STANDARD_METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD",
            "OPTIONS", "TRACE");
    private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "errors");
    private static final AtomicLong CHECKED = new AtomicLong();
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String address;

    private OpenApiConformance() {
    }

    /** The address to post exchanges to; starts the check on a free loopback port the first time. */
    public static synchronized String address() {
        if (address == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
                ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "openapi-conformance");
                    t.setDaemon(true);
                    return t;
                });
                server.setExecutor(pool);
                server.createContext("/check", exchange -> {
                    byte[] answer;
                    int status = 200;
                    try (InputStream in = exchange.getRequestBody()) {
                        answer = Http.JSON.writeValueAsBytes(check(Http.JSON.readTree(in)));
                    } catch (RuntimeException | IOException e) {
                        status = 500;
                        answer = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
                    }
                    exchange.sendResponseHeaders(status, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                });
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                        "OpenAPI conformance: " + CHECKED.get() + " exchanges checked against the served document")));
                address = "http://127.0.0.1:" + server.getAddress().getPort() + "/check";
            } catch (IOException e) {
                throw new IllegalStateException("the OpenAPI conformance check cannot listen", e);
            }
        }
        return address;
    }

    /** What is wrong with one exchange; empty when it conforms. */
    static List<String> check(JsonNode exchange) {
        CHECKED.incrementAndGet();
        URI uri = URI.create(exchange.get("uri").asText());
        String method = exchange.get("method").asText().toUpperCase(Locale.ROOT);
        int status = exchange.get("status").asInt();
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(uri.getScheme() + "://" + uri.getRawAuthority(),
                OpenApiConformance::validatorFor);

        if (!STANDARD_METHODS.contains(method)) {
            return status >= 400 ? problemDetails(status, headers(exchange.get("responseHeaders")),
                    exchange.get("responseBody").isNull() ? "" : exchange.get("responseBody").asText(), method)
                    : List.of(method + " answered " + status + ": no operation of the document has this method");
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        headers(exchange.get("requestHeaders")).forEach(request::withHeader);
        queryParameters(uri.getRawQuery()).forEach(request::withQueryParam);
        if (!exchange.get("requestBody").isNull()) {
            request.withBody(exchange.get("requestBody").asText());
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        Map<String, List<String>> responseHeaders = headers(exchange.get("responseHeaders"));
        responseHeaders.forEach(response::withHeader);
        String body = exchange.get("responseBody").isNull() ? "" : exchange.get("responseBody").asText();
        if (!body.isEmpty()) {
            response.withBody(body);
        }

        ValidationReport report = validator.validate(request.build(), response.build());
        List<String> problems = new ArrayList<>();
        boolean noOperation = false;
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            boolean aboutRequest = m.getKey().startsWith("validation.request");
            if (m.getKey().equals("validation.request.path.missing")
                    || m.getKey().equals("validation.request.operation.notAllowed")) {
                noOperation = true;
            }
            if (aboutRequest && status >= 400) {
                continue; // a refused request: refusing it is the point
            }
            problems.add(m.getKey() + ": " + m.getMessage());
        }
        if (noOperation && status >= 400) {
            problems.addAll(problemDetails(status, responseHeaders, body, method));
        }
        return problems;
    }

    /** An answer outside every operation: problem details, as the document's Problem schema says. */
    private static List<String> problemDetails(int status, Map<String, List<String>> headers, String body,
            String method) {
        List<String> problems = new ArrayList<>();
        if (method.equals("HEAD") && body.isEmpty()) {
            return problems;
        }
        String type = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        if (!type.startsWith("application/problem+json")) {
            problems.add("an answer outside the document's operations is not application/problem+json: " + type);
            return problems;
        }
        try {
            JsonNode p = Http.JSON.readTree(body);
            for (Iterator<String> names = p.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!PROBLEM_FIELDS.contains(name)) {
                    problems.add("Problem has a field the document does not name: " + name);
                }
            }
            for (String required : List.of("type", "title", "detail")) {
                if (!p.path(required).isTextual()) {
                    problems.add("Problem." + required + " is missing or not a string");
                }
            }
            if (p.path("status").asInt() != status) {
                problems.add("Problem.status " + p.path("status") + " is not the answer's status " + status);
            }
        } catch (IOException e) {
            problems.add("the problem details are not JSON: " + e.getMessage());
        }
        return problems;
    }

    /** The document served at {@code base}, read once, as an administrator. */
    private static OpenApiInteractionValidator validatorFor(String base) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + CampusContainer.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/campus/api/v1/openapi.json"))
                    .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the OpenAPI document is not served: " + r.statusCode() + " " + r.body());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(r.body())
                    .withBasePathOverride("/campus/api/v1")
                    .withStrictOperationPathMatching()
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document cannot be read from " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> headers(JsonNode node) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            if (!e.getKey().startsWith(":")) { // HTTP/2 pseudo-headers
                headers.put(e.getKey(), values);
            }
        });
        return headers;
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            String[] nv = pair.split("=", 2);
            try {
                params.computeIfAbsent(URLDecoder.decode(nv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(nv.length > 1 ? URLDecoder.decode(nv[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                params.computeIfAbsent(nv[0], k -> new ArrayList<>()).add(nv.length > 1 ? nv[1] : "");
            }
        }
        return params;
    }
}
