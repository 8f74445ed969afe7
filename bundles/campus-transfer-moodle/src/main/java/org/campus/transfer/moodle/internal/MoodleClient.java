package org.campus.transfer.moodle.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import org.campus.spi.ProviderHealth;
import org.campus.spi.transfer.TransferException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls Moodle's REST web services: {@code POST <base>/webservice/rest/server.php?wsfunction=<f>&moodlewsrestformat=json}
 * with the token and the parameters form-encoded in the body (so the token stays out of web-server
 * access logs). Synchronous, on the caller's thread.
 */
final class MoodleClient {

    private static final Logger LOG = LoggerFactory.getLogger(MoodleClient.class);

    private final MoodleSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile ProviderHealth health = ProviderHealth.degraded(
            "Not in touch with the LMS yet; the first preview or transfer will tell.");

    MoodleClient(MoodleSettings settings) {
        this.settings = settings;
        // plain HTTP/1.1: no h2c upgrade attempt on POSTs to a PHP server; a redirect (to a login page) is an error
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The provider's health: the outcome of the last call (degraded until the LMS was first asked). */
    ProviderHealth health() {
        return health;
    }

    /** Marks the provider down for a reason found in an answer (a function the token's service lacks). */
    void down(String adminMessage) {
        health = ProviderHealth.down(adminMessage);
    }

    /** Calls a function; the answer's JSON (a {@code NullNode} for functions that return nothing). */
    JsonNode call(String function, FormParams params) throws TransferException {
        try {
            JsonNode answer = send(function, params);
            health = ProviderHealth.up();
            return answer;
        } catch (LmsUnavailableException e) {
            health = e.health();
            throw e;
        } catch (TransferException e) {
            // the LMS answered: it works, it refused this one call
            health = ProviderHealth.up();
            throw e;
        }
    }

    private JsonNode send(String function, FormParams params) throws TransferException {
        String body = "wstoken=" + java.net.URLEncoder.encode(settings.token(), StandardCharsets.UTF_8)
                + (params.isEmpty() ? "" : "&" + params.encoded());
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint(function))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        long started = System.nanoTime();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new LmsUnavailableException("Moodle " + function + " at " + settings.baseUrl() + " timed out: " + e,
                    "The LMS did not answer within " + settings.requestTimeout().toSeconds()
                            + " s; try again later, or raise the provider's timeout.",
                    ProviderHealth.Status.DEGRADED, e);
        } catch (IOException e) {
            throw new LmsUnavailableException("Moodle " + function + " at " + settings.baseUrl() + " failed: " + e,
                    "The LMS at " + settings.baseUrl().getHost() + " could not be reached; try again later.",
                    ProviderHealth.Status.DOWN, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LmsUnavailableException("interrupted while calling Moodle " + function,
                    "The transfer was interrupted while waiting for the LMS.", ProviderHealth.Status.DEGRADED, e);
        }
        LOG.debug("Moodle {} answered HTTP {} in {} ms", function, response.statusCode(),
                (System.nanoTime() - started) / 1_000_000);
        if (response.statusCode() >= 500) {
            throw new LmsUnavailableException("Moodle " + function + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()), "The LMS answered with a server error (HTTP "
                            + response.statusCode() + "); try again later.", ProviderHealth.Status.DOWN, null);
        }
        if (response.statusCode() != 200) {
            throw new LmsUnavailableException("Moodle " + function + " answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()), "The LMS answered HTTP " + response.statusCode()
                            + "; check the provider's base URL and that the LMS's REST protocol is enabled.");
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new LmsUnavailableException("Moodle " + function + " answered no JSON: " + abbreviate(response.body()),
                    "The LMS did not answer with JSON; check the provider's base URL and that the LMS's REST protocol"
                            + " is enabled.");
        }
        if (answer == null) {
            throw new LmsUnavailableException("Moodle " + function + " answered an empty body",
                    "The LMS answered nothing; check the provider's base URL.");
        }
        if (answer.isObject() && answer.has("exception")) {
            throw MoodleErrors.fromAnswer(function, answer.path("exception").asText(null),
                    answer.path("errorcode").asText(null), answer.path("message").asText(""),
                    answer.hasNonNull("debuginfo") ? answer.get("debuginfo").asText() : null);
        }
        return answer;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
