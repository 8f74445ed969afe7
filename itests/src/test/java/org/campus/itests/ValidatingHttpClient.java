package org.campus.itests;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An {@link HttpClient} that has every exchange checked against the served OpenAPI document before
 * the caller sees the answer: the test's own helper ({@link Http}) and the generated client both
 * send through it. The check runs in the test driver's JVM ({@link OpenApiConformance}), reached
 * over loopback at the address in system property {@value #VALIDATOR}; a violation fails the test
 * that made the exchange.
 */
public final class ValidatingHttpClient extends HttpClient {

    /** The system property that holds the address of the driver's conformance check. */
    public static final String VALIDATOR = "campus.test.validator";

    private final HttpClient delegate;

    public ValidatingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** A builder for a generated client's {@code ApiClient.setHttpClientBuilder}: what it builds validates. */
    public static HttpClient.Builder builder() {
        return new Builder(HttpClient.newBuilder());
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        byte[] sent = bodyOf(request);
        HttpResponse<byte[]> r = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        check(request.method(), request.uri(), request.headers().map(), sent, r.statusCode(), r.headers().map(), r.body());
        return new Buffered<>(r, convert(r, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    /**
     * Has one exchange checked; throws {@link AssertionError} naming every way it breaks the document.
     * Also for exchanges made without this client (over a plain socket).
     */
    public static void check(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody,
            int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {
        String validator = System.getProperty(VALIDATOR);
        if (validator == null) {
            // a test in the driver's JVM (an unpacked distribution, no Pax Exam probe): the check runs here
            validator = OpenApiConformance.address();
            System.setProperty(VALIDATOR, validator);
        }
        ObjectNode exchange = Http.JSON.createObjectNode();
        exchange.put("method", method);
        exchange.put("uri", uri.toString());
        exchange.set("requestHeaders", Http.JSON.valueToTree(requestHeaders));
        exchange.put("requestBody", requestBody == null ? null : new String(requestBody, StandardCharsets.UTF_8));
        exchange.put("status", status);
        exchange.set("responseHeaders", Http.JSON.valueToTree(responseHeaders));
        exchange.put("responseBody", responseBody == null ? null : new String(responseBody, StandardCharsets.UTF_8));
        JsonNode problems;
        try {
            HttpResponse<String> r = CHECKER.send(HttpRequest.newBuilder(URI.create(validator))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(exchange))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("the conformance check failed: " + r.statusCode() + " " + r.body());
            }
            problems = Http.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("the conformance check is not reachable at " + validator, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (problems.size() > 0) {
            List<String> lines = new ArrayList<>();
            problems.forEach(p -> lines.add("  - " + p.asText()));
            String answer = responseBody == null ? "" : new String(responseBody, StandardCharsets.UTF_8);
            throw new AssertionError(method + " " + uri.getRawPath() + " -> " + status + " does not conform to the "
                    + "OpenAPI document:\n" + String.join("\n", lines) + "\n  answer: "
                    + (answer.length() > 500 ? answer.substring(0, 500) + "..." : answer));
        }
    }

    private static final HttpClient CHECKER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static byte[] bodyOf(HttpRequest request) throws IOException {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return null;
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
                byte[] a = new byte[b.remaining()];
                b.get(a);
                bytes.writeBytes(a);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(bytes.toByteArray());
            }
        });
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the request body could not be read for the conformance check", e);
        }
    }

    /** The body as the caller's handler makes it, from the bytes already read. */
    private static <T> T convert(HttpResponse<byte[]> r, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return r.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return r.headers();
            }

            @Override
            public HttpClient.Version version() {
                return r.version();
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // everything is there already
            }

            @Override
            public void cancel() {
                // nothing to stop
            }
        });
        if (r.body().length > 0) {
            subscriber.onNext(List.of(ByteBuffer.wrap(r.body())));
        }
        subscriber.onComplete();
        try {
            return subscriber.getBody().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the answer's body could not be converted", e);
        }
    }

    private record Buffered<T>(HttpResponse<byte[]> raw, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public URI uri() {
            return raw.uri();
        }

        @Override
        public HttpClient.Version version() {
            return raw.version();
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public HttpClient.Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    private static final class Builder implements HttpClient.Builder {
        private final HttpClient.Builder b;

        Builder(HttpClient.Builder b) {
            this.b = b;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            b.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            b.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            b.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            b.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            b.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            b.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            b.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            b.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            b.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            b.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return new ValidatingHttpClient(b.build());
        }
    }
}
