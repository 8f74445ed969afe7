package org.campus.rest.internal.json;

import java.io.IOException;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.JsonInput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The one JSON form of an {@link LmsId}, the OpenAPI document's {@code LmsId}: a string of 1 to 255
 * characters, or a whole number within 64 bits. An id that came as a number goes back as a number.
 */
public final class LmsIdJson {

    /** What a bad LMS id is told, for every field that holds one. */
    public static final String RULE = "must be a string of 1 to " + LmsId.MAX_LENGTH
            + " characters without control characters, or a whole number within 64 bits";

    private LmsIdJson() {
    }

    /** The id in {@code node}, or {@code null} when it is not an LMS id (the caller names the field). */
    public static LmsId read(JsonNode node) {
        if (node.isTextual()) {
            return fromText(node.textValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return LmsId.of(node.longValue());
        }
        return null;
    }

    /** Puts {@code id} into {@code node} as the LMS sent it: a whole number, or a string. */
    public static void put(com.fasterxml.jackson.databind.node.ObjectNode node, String field, LmsId id) {
        if (id.numeric() && isInteger(id.value())) {
            node.put(field, Long.parseLong(id.value()));
        } else {
            node.put(field, id.value());
        }
    }

    static final class Serializer extends StdSerializer<LmsId> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(LmsId.class);
        }

        @Override
        public void serialize(LmsId id, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (id.numeric() && isInteger(id.value())) {
                gen.writeNumber(id.value());
            } else {
                gen.writeString(id.value());
            }
        }
    }

    /**
     * The LMS id in field {@code field} of a request body; {@code null} when absent ({@code required}
     * then names the field as missing) or not an LMS id (the field is named with {@link #RULE}).
     */
    public static LmsId field(JsonInput in, String field, boolean required) {
        JsonNode v = in.node().get(field);
        if (v == null || v.isNull()) {
            if (required) {
                in.error(field, "is required");
            }
            return null;
        }
        LmsId id = read(v);
        if (id == null) {
            in.error(field, RULE);
        }
        return id;
    }

    /** The LMS id in query parameter {@code name} ({@code null} when absent), which cannot tell a number from a string. */
    public static LmsId query(ApiRequest request, String name) {
        String v = request.query(name);
        if (v == null) {
            return null;
        }
        LmsId id = fromText(v);
        if (id == null) {
            throw new InvalidInputException(name, RULE);
        }
        return id;
    }

    /** An LMS id given as text (a query parameter, a JSON string); {@code null} when it is none. */
    public static LmsId fromText(String s) {
        if (s.isBlank() || s.length() > LmsId.MAX_LENGTH) {
            return null;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return null;
            }
        }
        return LmsId.of(s);
    }

    /** Written as a number only when it is one: the text goes out as it is. */
    private static boolean isInteger(String s) {
        int n = s.length();
        int start = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (n == start || n - start > 19) {
            return false;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static final class Deserializer extends StdDeserializer<LmsId> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(LmsId.class);
        }

        @Override
        public LmsId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
                LmsId id = read(p.readValueAsTree());
                if (id != null) {
                    return id;
                }
            }
            return (LmsId) ctxt.handleUnexpectedToken(LmsId.class, p);
        }
    }
}
