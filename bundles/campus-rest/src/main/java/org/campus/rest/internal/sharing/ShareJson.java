package org.campus.rest.internal.sharing;

import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatusChange;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Share progress values as the API's JSON. */
final class ShareJson {

    private final Json json;

    ShareJson(Json json) {
        this.json = json;
    }

    ObjectNode share(ShareProgress s) {
        ObjectNode n = json.object();
        n.put("id", s.id());
        putLmsId(n, "courseId", s.courseId());
        putLmsId(n, "userId", s.userId());
        n.put("type", s.type().code());
        putLmsId(n, "cmId", s.cmId());
        n.put("status", s.status().code());
        n.put("resourceUrl", s.resourceUrl());
        n.put("errorMessage", s.errorMessage());
        n.put("timeCreated", s.timeCreated().toString());
        n.put("timeModified", s.timeModified().toString());
        n.put("sourceDeleted", s.sourceDeleted());
        n.put("timeSourceDeleted", s.timeSourceDeleted() == null ? null : s.timeSourceDeleted().toString());
        n.put("version", s.version());
        return n;
    }

    ObjectNode page(Page<ShareProgress> page) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        page.items().forEach(s -> items.add(share(s)));
        n.put("next", page.next());
        return n;
    }

    /** An LMS id as it came: a JSON number when the LMS sent a number, else a string; {@code null} when absent. */
    static void putLmsId(ObjectNode n, String field, LmsId id) {
        if (id == null) {
            n.putNull(field);
            return;
        }
        if (id.numeric()) {
            try {
                n.put(field, Long.parseLong(id.value()));
                return;
            } catch (NumberFormatException e) {
                // not a 64-bit number after all: given back as the text it is
            }
        }
        n.put(field, id.value());
    }

    /**
     * An LMS id from a request: a string, or a whole number (64-bit); {@code null} when absent (then
     * {@code required} names the field as missing). Blank and long strings are the service's to refuse.
     */
    static LmsId lmsId(JsonInput in, String field, boolean required) {
        JsonNode v = in.node().get(field);
        if (v == null || v.isNull()) {
            if (required) {
                in.error(field, "is required");
            }
            return null;
        }
        if (v.isTextual()) {
            return LmsId.of(v.textValue());
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return LmsId.of(v.longValue());
        }
        in.error(field, "must be a string or a whole number (at most 64 bits)");
        return null;
    }

    /** An LMS id from a query parameter, which cannot tell a number from a string; {@code null} when absent. */
    static LmsId queryLmsId(ApiRequest request, String name) {
        String v = request.query(name);
        if (v == null) {
            return null;
        }
        if (v.isBlank() || v.length() > LmsId.MAX_LENGTH) {
            throw new InvalidInputException(name, "must be 1 to " + LmsId.MAX_LENGTH + " characters");
        }
        return LmsId.of(v);
    }

    ObjectNode change(ShareStatusChange c) {
        ObjectNode n = json.object();
        n.put("status", c.status().code());
        n.put("time", c.time().toString());
        n.put("resourceUrl", c.resourceUrl());
        n.put("message", c.message());
        return n;
    }
}
