package org.campus.rest.internal.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.json.LmsIdJson;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the requests of versions, migrations and bindings: LMS ids and state maps, every fault named. */
final class VersionsJson {


    private VersionsJson() {
    }

    // ---- in

    /** An {@link LmsIdJson LMS id}; {@code null} when absent. */
    static LmsId lmsId(JsonInput in, String field) {
        JsonNode v = in.node().get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        LmsId id = LmsIdJson.read(v);
        if (id == null) {
            in.error(field, LmsIdJson.RULE);
        }
        return id;
    }

    /** An object of state ids to state ids; empty when absent. */
    static Map<String, String> stateMap(JsonInput in, String field, String errorPrefix) {
        JsonNode v = in.node().get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return map;
        }
        if (!v.isObject()) {
            in.error(errorPrefix, "must be an object of state ids to state ids");
            return map;
        }
        v.fields().forEachRemaining(e -> {
            if (e.getKey().isBlank() || e.getKey().length() > 100) {
                in.error(errorPrefix, "holds a state id that is blank or longer than 100 characters");
            } else if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()
                    || e.getValue().textValue().length() > 100) {
                in.error(errorPrefix + "." + e.getKey(), "must name a state (1 to 100 characters)");
            } else {
                map.put(e.getKey(), e.getValue().textValue());
            }
        });
        return map;
    }

}
