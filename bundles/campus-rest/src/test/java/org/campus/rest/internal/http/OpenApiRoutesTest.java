package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.campus.rest.internal.system.SystemResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OpenAPI document describes exactly the routes served, and no secret. */
class OpenApiRoutesTest {

    private static JsonNode document() throws Exception {
        try (InputStream in = SystemResource.class.getResourceAsStream(SystemResource.OPENAPI)) {
            assertNotNull(in);
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void describesEveryRouteServedAndNoOther() throws Exception {
        Set<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters")) {
                    documented.add(m.toUpperCase() + " " + p.getKey());
                }
            });
        }

        assertEquals(new TreeSet<>(new TestServlets().servlet.describeRoutes()), documented);
    }

    @Test
    void onlyTheHealthCheckIsOpen() throws Exception {
        JsonNode doc = document();
        assertTrue(doc.get("security").size() > 0);
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fields().forEachRemaining(op -> {
                JsonNode security = op.getValue().get("security");
                boolean open = security != null && security.isArray() && security.size() == 0;
                assertEquals(p.getKey().equals("/health"), open, op.getKey() + " " + p.getKey());
            });
        }
    }

    @Test
    void holdsNoKeyOrPassword() throws Exception {
        String text = document().toString();
        assertFalse(Pattern.compile("campus_[a-z0-9]{12}_[A-Za-z0-9_-]{20,}").matcher(text).find());
        assertFalse(text.contains("\"example\":\"campus_"));
        assertFalse(text.toLowerCase().contains("password\":"));
    }
}
