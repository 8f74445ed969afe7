package org.campus.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP side of a load client: a JSON POST and a GET, with keep-alive, the same for every target.
 * Two implementations, chosen with {@code bench.client}: {@code jdk} (java.net.http.HttpClient) and
 * {@code urlconnection} (HttpURLConnection, the default: it costs the client less CPU per request,
 * which matters on a 2-core machine where the client shares the CPUs with the server under test).
 */
interface LoadClient {

    /** An answer: status, body and Location header (null when absent). */
    record Answer(int status, String body, String location) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Answer post(URI uri, String json) throws IOException, InterruptedException;

    Answer get(URI uri) throws IOException, InterruptedException;

    static LoadClient create(String kind, String apiKey, int timeoutSeconds, int threads) {
        return switch (kind) {
            case "jdk" -> new Jdk(apiKey, timeoutSeconds);
            case "urlconnection" -> new UrlConnection(apiKey, timeoutSeconds, threads);
            default -> throw new IllegalArgumentException("bench.client must be urlconnection or jdk: " + kind);
        };
    }

    /** java.net.http.HttpClient, HTTP/1.1 with its connection pool. */
    final class Jdk implements LoadClient {
        private final HttpClient client;
        private final String authorization;
        private final Duration timeout;

        Jdk(String apiKey, int timeoutSeconds) {
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            this.authorization = apiKey == null ? null : "Bearer " + apiKey;
            this.timeout = Duration.ofSeconds(timeoutSeconds);
        }

        @Override
        public Answer post(URI uri, String json) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            return send(b);
        }

        @Override
        public Answer get(URI uri) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET());
        }

        private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        }
    }

    /** HttpURLConnection; the JDK keeps its connections alive (http.maxConnections per destination). */
    final class UrlConnection implements LoadClient {
        private final String authorization;
        private final int timeoutMillis;

        UrlConnection(String apiKey, int timeoutSeconds, int threads) {
            this.authorization = apiKey == null ? null : "Bearer " + apiKey;
            this.timeoutMillis = timeoutSeconds * 1000;
            // keep one idle connection per client thread instead of the default 5 per destination
            String max = System.getProperty("http.maxConnections");
            if (max == null || Integer.parseInt(max) < threads) {
                System.setProperty("http.maxConnections", String.valueOf(threads));
            }
        }

        @Override
        public Answer post(URI uri, String json) throws IOException {
            HttpURLConnection c = open(uri, "POST");
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            return read(c);
        }

        @Override
        public Answer get(URI uri) throws IOException {
            return read(open(uri, "GET"));
        }

        private HttpURLConnection open(URI uri, String method) throws IOException {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(5000);
            c.setReadTimeout(timeoutMillis);
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Accept", "application/json");
            if (authorization != null) {
                c.setRequestProperty("Authorization", authorization);
            }
            return c;
        }

        private static Answer read(HttpURLConnection c) throws IOException {
            int status = c.getResponseCode();
            // read the body to its end and close the stream (not the connection) so that it is reused
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = "";
            if (in != null) {
                try (InputStream s = in) {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
                    s.transferTo(buf);
                    body = buf.toString(StandardCharsets.UTF_8);
                }
            }
            return new Answer(status, body, c.getHeaderField("Location"));
        }
    }
}
