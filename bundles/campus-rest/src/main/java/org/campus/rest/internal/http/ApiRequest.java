package org.campus.rest.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request as a handler sees it: path variables, checked query parameters, a bounded body. */
public final class ApiRequest {

    private final HttpServletRequest http;
    private final Map<String, String> pathVariables;
    private final Json json;
    private final long maxBodyBytes;
    private final Caller caller;

    public ApiRequest(HttpServletRequest http, Map<String, String> pathVariables, Json json, long maxBodyBytes,
            Caller caller) {
        this.http = http;
        this.pathVariables = pathVariables;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    public HttpServletRequest http() {
        return http;
    }

    public String path(String name) {
        return pathVariables.get(name);
    }

    /** A path variable that names a positive numeric id; anything else cannot name an existing resource. */
    public long pathId(String name, String kind) {
        String value = pathVariables.get(name);
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // not an id: falls through
        }
        throw NotFoundException.of(kind, value);
    }

    public String query(String name) {
        String v = http.getParameter(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public Long queryLong(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number");
        }
    }

    public Instant queryInstant(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be an ISO-8601 UTC time such as 2024-05-01T10:00:00Z");
        }
    }

    public PageRequest page() {
        Long limit = queryLong("limit");
        int n = PageRequest.DEFAULT_LIMIT;
        if (limit != null) {
            if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                throw new InvalidInputException("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
            }
            n = limit.intValue();
        }
        String cursor = query("cursor");
        if (cursor != null && cursor.length() > 200) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this list");
        }
        return new PageRequest(n, cursor);
    }

    /** The body as a JSON object; 415 for another content type, 413 past the size limit, 400 when malformed. */
    public JsonInput jsonObject() {
        JsonNode node = jsonBody();
        if (!node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return new JsonInput((ObjectNode) node);
    }

    public JsonNode jsonBody() {
        requireContentType("application/json", "+json");
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw new InvalidInputException("body", "is empty; a JSON document is required");
        }
        try {
            return json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "is not well-formed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("body", "cannot be read");
        }
    }

    /** The body's bytes, at most the configured limit. */
    public byte[] body() {
        return body(maxBodyBytes);
    }

    /** The body's bytes, at most {@code maxBodyBytes} (e.g. the larger limit for imports); 413 past it. */
    public byte[] body(long maxBodyBytes) {
        long declared = http.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        try (InputStream in = http.getInputStream()) {
            if (declared >= 0) {
                // the usual case: read exactly the declared length into one array, no chunks to join
                byte[] bytes = in.readNBytes((int) declared);
                if (bytes.length == declared && in.read() < 0) {
                    return bytes;
                }
                throw new InvalidInputException("body", "does not match its Content-Length");
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw new PayloadTooLargeException(maxBodyBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException("body", "cannot be read");
        }
    }

    /** Demands one of the media types (or a type ending with a suffix such as {@code +json}). */
    public void requireContentType(String... accepted) {
        String type = http.getContentType();
        String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (String a : accepted) {
            if (a.startsWith("+") ? base.endsWith(a) : base.equals(a)) {
                return;
            }
        }
        throw new UnsupportedMediaTypeException(type, String.join(", ", accepted));
    }
}
