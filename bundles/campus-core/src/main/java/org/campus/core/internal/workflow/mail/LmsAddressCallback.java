package org.campus.core.internal.workflow.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.campus.core.internal.workflow.model.MailAddresses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks the LMS for the addresses of a record's author or of the holders of a role in the record's
 * context: {@code GET {callbackUrl}?recordId=&courseId=&activityId=&role=} (the author: {@code &userId=}
 * instead of {@code &role=}), answered {@code 200} with {@code {"addresses": ["a@example.org", ...]}}.
 * See docs/WORKFLOW-MAIL.md.
 */
final class LmsAddressCallback {

    static final int MAX_ANSWER_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MailSettings settings;
    private final HttpClient client;

    LmsAddressCallback(MailSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @throws CallbackException with a message fit for the outbox (no secret, no answer body) */
    List<String> addresses(String lmsRecordId, String courseId, String activityId, String role, String authorId) {
        URI base = settings.callbackUrl();
        if (base == null) {
            throw new CallbackException("the action request carried no address"
                    + (role == null ? " for the author" : " for role '" + role + "'")
                    + " and no callbackUrl is configured (PID " + WorkflowMailConfig.PID + ")");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("recordId", lmsRecordId);
        query.put("courseId", courseId);
        query.put("activityId", activityId);
        if (role == null) {
            query.put("userId", authorId);
        } else {
            query.put("role", role);
        }
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = base.toString();
        URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + encoded);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(settings.readTimeout())
                .header("Accept", "application/json");
        if (settings.callbackToken() != null && !settings.callbackToken().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.callbackToken());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new CallbackException("the LMS callback could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallbackException("interrupted while asking the LMS callback");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new CallbackException("the LMS callback answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new CallbackException("the LMS callback answered more than " + MAX_ANSWER_BYTES + " bytes");
            }
            return parse(bytes);
        } catch (IOException e) {
            throw new CallbackException("the LMS callback answer could not be read: " + e.getClass().getSimpleName());
        }
    }

    static List<String> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CallbackException("the LMS callback answered no JSON");
        } catch (IOException e) {
            throw new CallbackException("the LMS callback answer could not be read");
        }
        if (root == null || !root.isObject() || !root.path("addresses").isArray()) {
            throw new CallbackException("the LMS callback answer has no \"addresses\" array");
        }
        JsonNode array = root.get("addresses");
        if (array.size() > MailOutbox.MAX_REQUEST_ADDRESSES) {
            throw new CallbackException("the LMS callback named more than " + MailOutbox.MAX_REQUEST_ADDRESSES
                    + " addresses");
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String problem = item.isTextual() ? MailAddresses.problem(item.asText()) : "is not a string";
            if (problem != null) {
                throw new CallbackException("the LMS callback answer's addresses[" + i + "] " + problem);
            }
            addresses.add(item.asText().strip());
        }
        return addresses;
    }

    /** A failure to learn the addresses; its message goes to the outbox row. */
    static final class CallbackException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallbackException(String message) {
            super(message, null, false, false);
        }
    }
}
