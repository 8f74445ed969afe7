package org.campus.core.internal.archive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Posts time-stamp requests to a TSA over HTTP (RFC 3161 section 3.4) and reads its answer, at most
 * {@link #MAX_REPLY_BYTES}.
 */
final class TsaClient {

    static final String QUERY_TYPE = "application/timestamp-query";
    static final String REPLY_TYPE = "application/timestamp-reply";
    /** A reply with a chain of several certificates is a few KiB; anything this large is not one. */
    static final int MAX_REPLY_BYTES = 1024 * 1024;

    private final URI url;
    private final String authorization;
    private final Duration readTimeout;
    private final HttpClient http;

    TsaClient(URI url, String username, String password, Duration connectTimeout, Duration readTimeout) {
        this.url = url;
        this.authorization = username == null || username.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI url() {
        return url;
    }

    /** The TSA's answer to the DER request. */
    byte[] post(byte[] request) throws TimestampException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("Content-Type", QUERY_TYPE).header("Accept", REPLY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new TimestampException(TimestampException.Reason.UNAVAILABLE,
                    "The TSA at " + url + " did not answer in time (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new TimestampException(TimestampException.Reason.UNAVAILABLE,
                    "The TSA at " + url + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampException(TimestampException.Reason.UNAVAILABLE, "Interrupted while asking the TSA", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new TimestampException(TimestampException.Reason.UNAVAILABLE,
                        "The TSA at " + url + " answered HTTP " + response.statusCode());
            }
            byte[] body = in.readNBytes(MAX_REPLY_BYTES + 1);
            if (body.length > MAX_REPLY_BYTES) {
                throw new TimestampException(TimestampException.Reason.GARBAGE,
                        "The TSA at " + url + " answered more than " + MAX_REPLY_BYTES + " bytes: not a time-stamp reply");
            }
            return body;
        } catch (IOException e) {
            throw new TimestampException(TimestampException.Reason.UNAVAILABLE,
                    "The answer of the TSA at " + url + " broke off: " + e, e);
        }
    }
}
