package org.campus.itests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for the Campus API, as the LMS or an admin calls it. Every exchange is checked
 * against the served OpenAPI document ({@link ValidatingHttpClient}).
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, content type, headers and body, and the request it answers. */
    public record Answer(int status, String contentType, String body, Map<String, List<String>> headers, String method,
            String rawPath) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /** Every exchange is checked against the served OpenAPI document before a test sees the answer. */
    private final HttpClient client = new ValidatingHttpClient(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    /**
     * Routes a wait found down, with what it found: the next test of the same container fails at once
     * instead of waiting as long again (each container has its own port, so its own base).
     */
    private static final Map<String, String> ROUTES_NEVER_UP = new ConcurrentHashMap<>();

    private final String base;
    private final String authorization;
    /** Where the Campus answering here logs, for the message of a wait that fails. */
    private final Optional<ContainerLog> log;

    private Http(String base, String authorization) {
        this(base, authorization, ContainerLog.ofThisContainer());
    }

    private Http(String base, String authorization, Optional<ContainerLog> log) {
        this.base = base;
        this.authorization = authorization;
        this.log = log;
    }

    /** The same client, naming that log when a wait fails. */
    Http loggingTo(ContainerLog campusLog) {
        return new Http(base, authorization, Optional.of(campusLog));
    }

    /** The API in this container, as the LMS with the test key. */
    public static Http asLms() {
        return new Http(baseUrl(), "Bearer " + CampusContainer.LMS_API_KEY);
    }

    /** The API in this container, as user admin over HTTP Basic. */
    public static Http asAdmin() {
        String token = Base64.getEncoder().encodeToString(("admin:" + CampusContainer.ADMIN_PASSWORD).getBytes());
        return new Http(baseUrl(), "Basic " + token);
    }

    /** The API of a Campus started outside Pax Exam, on the given port, with that {@code Authorization} header. */
    public static Http on(int port, String authorization) {
        return new Http("http://127.0.0.1:" + port + "/campus/api/v1", authorization);
    }

    /** The same API as the LMS with another key. */
    public Http withKey(String apiKey) {
        return new Http(base, "Bearer " + apiKey);
    }

    /** The {@code Authorization} value of HTTP Basic for a realm user. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static Http anonymous() {
        return new Http(baseUrl(), null);
    }

    public static Http withAuthorization(String authorization) {
        return new Http(baseUrl(), authorization);
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty("campus.test.httpPort", "8181") + "/campus/api/v1";
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE().build());
    }

    public Answer postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public Answer post(String path, String contentType, String body) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /** A POST of bytes as they are (a zip, an XML file in its own encoding). */
    public Answer post(String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public Answer send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /**
     * A request to {@code path} with this client's credentials, for what the methods above do not
     * set (more headers, {@code Expect: 100-continue}); send it with {@link #send(HttpRequest)}.
     */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    r.headers().map(), request.method(), request.uri().getRawPath());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Sends the headers with {@code Expect: 100-continue} and the body only if the server asks for it,
     * as a careful client does with a large body, over a plain socket: the JDK client either hangs
     * on a final answer to the expectation or fails with a broken pipe when the server refuses the
     * body without reading it.
     */
    public Answer sendHeadersFirst(String method, String path, String contentType, String body) {
        URI uri = URI.create(base + path);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n")
                .append("Expect: 100-continue\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int status = statusOf(readLine(in));
            Map<String, List<String>> headers = readHeaders(in);
            if (status == 100) {
                out.write(bytes);
                out.flush();
                status = statusOf(readLine(in));
                headers = readHeaders(in);
            }
            String length = headers.getOrDefault("content-length", List.of()).stream().findFirst().orElse(null);
            byte[] answer = length != null ? in.readNBytes(Integer.parseInt(length.trim())) : in.readAllBytes();
            String type = headers.getOrDefault("content-type", List.of()).stream().findFirst().orElse(null);
            Map<String, List<String>> sentHeaders = new TreeMap<>();
            if (contentType != null) {
                sentHeaders.put("content-type", List.of(contentType));
            }
            if (authorization != null) {
                sentHeaders.put("authorization", List.of(authorization));
            }
            ValidatingHttpClient.check(method, uri, sentHeaders, bytes, status, headers, answer);
            return new Answer(status, type, new String(answer, StandardCharsets.UTF_8), headers, method, uri.getRawPath());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + uri, e);
        }
    }

    private static int statusOf(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        return Integer.parseInt(parts[1]);
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in the middle of the answer's head");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Waits until the API answers {@code path} with something other than 404 (routes come up with their services). */
    public void awaitRoute(String path, Duration timeout) {
        String route = base + path;
        String before = ROUTES_NEVER_UP.get(route);
        if (before != null) {
            throw new AssertionError("an earlier wait in this container found the route down; it said: " + before);
        }
        AssertionError[] lastError = new AssertionError[1];
        try {
            Await.until("route " + path + " up", timeout, () -> {
                try {
                    return get(path);
                } catch (AssertionError e) {
                    lastError[0] = e; // not listening yet, or an answer the document does not allow
                    return null;
                }
            }, a -> a != null && a.status() != 404 && a.status() != 503);
        } catch (AssertionError e) {
            StringBuilder why = new StringBuilder(e.getMessage());
            for (Throwable t = lastError[0]; t != null; t = t.getCause()) {
                why.append(t == lastError[0] ? "; last failure: " : "; caused by: ").append(t);
            }
            log.ifPresent(l -> why.append("\n").append(l.problems()));
            ROUTES_NEVER_UP.put(route, why.toString());
            AssertionError failed = new AssertionError(why.toString(), e);
            if (lastError[0] != null) {
                failed.addSuppressed(lastError[0]);
            }
            throw failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new AssertionError("route " + path + " could not be asked", e);
        }
    }
}
