package org.campus.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the Campus API, as the LMS or an admin calls it. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, content type, headers and body. */
    public record Answer(int status, String contentType, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + raw.body(), e);
            }
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + raw.body();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
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

    /** The API of a Campus started outside Pax Exam, on the given port, as the LMS with the given key. */
    public static Http at(int port, String apiKey) {
        return new Http("http://127.0.0.1:" + port + "/campus/api/v1", "Bearer " + apiKey);
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
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits until the API answers {@code path} with something other than 404 (routes come up with their services). */
    public void awaitRoute(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path);
                if (last.status() != 404 && last.status() != 503) {
                    return;
                }
            } catch (AssertionError e) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("route " + path + " did not come up in " + timeout + "; last answer " + last);
    }
}
