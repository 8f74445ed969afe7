package org.campus.itests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@link SecurityIT} sends: the operations of the served OpenAPI document, and hostile
 * credentials, bodies, path ids and query values. Every body here is invalid for every route that
 * reads one, except {@link #validForEveryRoute} (which only the content-type cases send).
 */
final class HostileCases {

    /** Strings that try SQL, script, JNDI, path and header injection. */
    static final List<String> INJECTIONS = List.of("' OR 1=1 --", "1; DROP TABLE share_progress",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../etc/passwd", "\u0000", "\r\nX-Injected: 1",
            "\u0007\u001b[31m");

    static final String XML_BOMB = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>";

    static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE share [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<share><courseId>&xxe;</courseId></share>";

    /**
     * An operation of the OpenAPI document: method, path template, whether it reads a body and of
     * which media type, its parameters.
     */
    record Operation(String method, String template, boolean hasBody, String bodyType, Map<String, JsonNode> pathParams,
            Map<String, JsonNode> queryParams) {
        boolean changesData() {
            return !method.equals("GET");
        }

        /** Reads XML (a DCWorkflow import): refuses JSON with 415, and has the larger import limit. */
        boolean readsXml() {
            return bodyType != null && bodyType.endsWith("xml");
        }

        boolean readsJson() {
            return bodyType != null && bodyType.endsWith("json");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * A body with its content type; {@code expectContinue} sends the headers first, as a careful
     * client does; {@code status} is the one answer expected, when there is one.
     */
    record Body(String name, String contentType, String text, boolean expectContinue, Integer status) {
        Body(String name, String contentType, String text, boolean expectContinue) {
            this(name, contentType, text, expectContinue, null);
        }

        @Override
        public String toString() {
            return name + " (" + contentType + ", " + text.length() + " chars)";
        }
    }

    private HostileCases() {
    }

    /** Every operation of the document, with path- and operation-level parameters ({@code $ref}s resolved). */
    static List<Operation> operations(JsonNode openApi) {
        Set<String> methods = Set.of("get", "post", "put", "patch", "delete");
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> op = it.next();
                if (!methods.contains(op.getKey())) {
                    continue;
                }
                Map<String, JsonNode> pathParams = new LinkedHashMap<>();
                Map<String, JsonNode> queryParams = new LinkedHashMap<>();
                List<JsonNode> params = new ArrayList<>();
                path.getValue().path("parameters").forEach(params::add);
                op.getValue().path("parameters").forEach(params::add);
                for (JsonNode p : params) {
                    JsonNode param = p.has("$ref") ? resolve(openApi, p.get("$ref").asText()) : p;
                    (param.get("in").asText().equals("path") ? pathParams : queryParams)
                            .put(param.get("name").asText(), param.path("schema"));
                }
                Iterator<String> types = op.getValue().path("requestBody").path("content").fieldNames();
                ops.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue().has("requestBody"),
                        types.hasNext() ? types.next() : null, pathParams, queryParams));
            }
        }
        return ops;
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode n = doc;
        for (String part : ref.substring(2).split("/")) {
            n = n.get(part);
        }
        return n;
    }

    /** Authorization header values that must all be 401: wrong, malformed, oversized. */
    static List<String> badAuthorizations(String adminPassword, String lmsKey) {
        return List.of("Bearer wrong-key-4e1f0c2a9b", "Bearer " + lmsKey + "x", "Bearer " + lmsKey.substring(1),
                basic("admin:wrong-" + adminPassword), basic("admin:"), basic("nobody:" + adminPassword),
                "Bearer", "Bearer ", "Basic", "Basic !!!", basic("admin" + adminPassword), basic(":" + adminPassword),
                "Basic " + "=".repeat(100), "Negotiate " + lmsKey, lmsKey, "Bearer ' OR 1=1 --", "Bearer ${jndi:ldap://x/a}",
                "Bearer " + lmsKey + " " + lmsKey, "Bearer " + "k".repeat(6000), basic("admin:" + "p".repeat(3000)));
    }

    static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A body every route that reads one would accept (a share of {@code userId}, a status change, a
     * source deletion, a key): sent with a wrong content type it must still be refused.
     */
    static String validForEveryRoute(long courseId, long userId) {
        return "{\"courseId\":" + courseId + ",\"userId\":" + userId + ",\"type\":\"course\",\"status\":\"sent\","
                + "\"resourceUrl\":\"https://example.org/r/1\",\"name\":\"hostile-it\",\"scopes\":[\"share-progress\"]}";
    }

    /** Bodies that every route reading JSON must refuse with a 4xx. */
    static List<Body> bodies(long courseId, long userId) {
        List<Body> b = new ArrayList<>();
        String json = "application/json";
        // malformed
        b.add(new Body("empty", json, "", false));
        b.add(new Body("unclosed", json, "{", false));
        b.add(new Body("trailing comma", json, "{\"courseId\":1,}", false));
        b.add(new Body("trailing tokens", json, validForEveryRoute(courseId, userId) + "{}", false));
        b.add(new Body("duplicate keys", json, validForEveryRoute(courseId, userId).replace("{\"courseId\"",
                "{\"status\":\"lost\",\"scopes\":[],\"courseId\":\"x\",\"courseId\""), false));
        b.add(new Body("single quotes", json, "{'courseId':1}", false));
        b.add(new Body("raw NUL", json, "{\"courseId\":\"\u0000\",\"status\":\"\u0000\",\"scopes\":[\"\u0000\"]}", false));
        b.add(new Body("raw control characters", json, "{\"courseId\":1\u0001,\"status\":\"se\u0008nt\"}", false));
        // JSON of the wrong type
        for (String v : List.of("[1,2,3]", "\"just a string\"", "42", "null", "true", "[" + validForEveryRoute(courseId, userId) + "]")) {
            b.add(new Body("top-level " + v.charAt(0), json, v, false));
        }
        b.add(new Body("empty object", json, "{}", false));
        // wrong field types
        b.add(new Body("wrong field types", json, "{\"courseId\":\"abc\",\"userId\":{\"$gt\":\"\"},\"type\":5,\"cmId\":true,"
                + "\"status\":1,\"resourceUrl\":[],\"message\":{},\"name\":12,\"scopes\":\"all\"}", false));
        b.add(new Body("objects for strings", json, "{\"courseId\":{\"id\":1},\"userId\":[" + userId + "],\"type\":{},"
                + "\"status\":{\"code\":\"sent\"},\"resourceUrl\":{},\"name\":{\"n\":1},\"scopes\":{\"0\":\"*\"}}", false));
        b.add(new Body("numbers out of range", json, "{\"courseId\":1e400,\"userId\":99999999999999999999,"
                + "\"type\":1e400,\"cmId\":-99999999999999999999,\"status\":99999999999999999999,\"resourceUrl\":1e400,"
                + "\"name\":1e400,\"scopes\":[1e400]}", false));
        b.add(new Body("fractions and negatives", json, "{\"courseId\":1.5,\"userId\":-" + userId + ",\"type\":\"course\","
                + "\"status\":-1,\"name\":\"n\",\"scopes\":[-1]}", false));
        b.add(new Body("number of 101 digits", json, "{\"courseId\":" + "9".repeat(101) + "}", false));
        // huge values (each alone, within the body limit) and a body over the limit
        String mb = "x".repeat(1_000_000);
        b.add(new Body("1 MB courseId", json, "{\"courseId\":\"" + mb + "\"}", false));
        b.add(new Body("1 MB status", json, "{\"courseId\":\"x\",\"status\":\"" + mb + "\",\"scopes\":[]}", false));
        b.add(new Body("1 MB scope", json, "{\"courseId\":\"x\",\"name\":\"n\",\"scopes\":[\"" + mb + "\"]}", false));
        b.add(new Body("1 MB resourceUrl and name", json, "{\"courseId\":\"x\",\"status\":\"sent\",\"resourceUrl\":\"https://x.org/"
                + mb.substring(600_000) + "\",\"name\":\"" + mb.substring(500_000) + "\",\"scopes\":[\"*\"]}", false));
        b.add(new Body("2 MiB body", json, "{\"message\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}", true));
        b.add(new Body("1 MiB + 1 byte body", json, validForEveryRoute(courseId, userId)
                + " ".repeat(1024 * 1024 + 1 - validForEveryRoute(courseId, userId).length()), true));
        // deep nesting
        b.add(new Body("10k [", json, "[".repeat(10_000), false));
        b.add(new Body("10k nested arrays", json, "[".repeat(10_000) + "]".repeat(10_000), false));
        b.add(new Body("nested objects in a field", json, "{\"courseId\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)
                + "}", false));
        // injection strings in the field every route needs (courseId, status, scopes), the rest valid
        // LMS ids (courseId) may be any string of 1 to 255 characters without control characters: the
        // type carries the injection too, so that no share is created; source-deleted takes them as ids
        for (String inj : INJECTIONS) {
            String s = jsonString(inj);
            b.add(new Body("injection " + jsonString(inj), json, "{\"courseId\":" + s + ",\"userId\":" + userId
                    + ",\"type\":" + s + ",\"status\":" + s + ",\"resourceUrl\":\"https://example.org/r/1\",\"message\":" + s
                    + ",\"name\":" + s + ",\"scopes\":[" + s + "]}", false));
            b.add(new Body("injection appended " + jsonString(inj), json, "{\"courseId\":" + jsonString(courseId + inj)
                    + ",\"userId\":" + jsonString(userId + inj) + ",\"type\":" + jsonString("course" + inj) + ",\"cmId\":" + s
                    + ",\"status\":" + jsonString("sent" + inj) + ",\"resourceUrl\":" + jsonString("https://example.org/" + inj)
                    + ",\"name\":" + jsonString("n" + inj) + ",\"scopes\":[" + jsonString("share-progress" + inj) + "]}", false));
        }
        // wrong content types, with a body that would otherwise be accepted
        String valid = validForEveryRoute(courseId, userId);
        b.add(new Body("text/plain", "text/plain", valid, false));
        b.add(new Body("no content type", null, valid, false));
        b.add(new Body("form", "application/x-www-form-urlencoded", "courseId=" + courseId + "&userId=" + userId
                + "&type=course&status=sent&resourceUrl=https://example.org/r&name=n&scopes=share-progress", false));
        b.add(new Body("multipart", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"f\""
                + "\r\n\r\n" + valid + "\r\n--x--\r\n", false));
        b.add(new Body("json with a prefix", "application/jsonx", valid, false));
        b.add(new Body("XML bomb", "application/xml", XML_BOMB, false));
        b.add(new Body("XXE", "text/xml", XXE, false));
        b.add(new Body("XML bomb as JSON", json, XML_BOMB, false));
        b.add(new Body("XXE as problem+json", "application/problem+json", XXE, false));
        return b;
    }

    /** The default {@code maxImportBytes} of PID {@code campus.rest}. */
    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    /** A DCWorkflow definition the import would store: sent with a wrong content type it must be refused. */
    static final String VALID_DCWORKFLOW = "<?xml version=\"1.0\"?><dc-workflow workflow_id=\"hostile_it\" title=\"H\""
            + " initial_state=\"a\"><state state_id=\"a\" title=\"A\"/></dc-workflow>";

    /**
     * Bodies that a route reading XML (the DCWorkflow import) must refuse, each with its status:
     * DTDs, entities and bombs, XInclude, deep nesting, malformed or foreign XML and the wrong
     * content types 400 or 415, a body past the import limit 413.
     */
    static List<Body> xmlBodies() {
        List<Body> b = new ArrayList<>();
        String xml = "application/xml";
        b.add(new Body("XML bomb", xml, XML_BOMB, false, 400));
        b.add(new Body("billion laughs in an attribute", xml, "<?xml version=\"1.0\"?><!DOCTYPE dc-workflow ["
                + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + "<dc-workflow workflow_id=\"w\" title=\"&d;\" initial_state=\"a\"/>", false, 400));
        b.add(new Body("external entity", xml, "<?xml version=\"1.0\"?><!DOCTYPE dc-workflow ["
                + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><dc-workflow workflow_id=\"w\" title=\"&xxe;\"/>", false, 400));
        b.add(new Body("external entity as text/xml", "text/xml", XXE, false, 400));
        b.add(new Body("external parameter entity", xml, "<?xml version=\"1.0\"?><!DOCTYPE dc-workflow ["
                + "<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %remote;]><dc-workflow/>", false, 400));
        b.add(new Body("external DTD", xml, "<?xml version=\"1.0\"?><!DOCTYPE dc-workflow SYSTEM"
                + " \"http://127.0.0.1:1/evil.dtd\"><dc-workflow/>", false, 400));
        b.add(new Body("DOCTYPE without entities", xml, "<!DOCTYPE dc-workflow><dc-workflow/>", false, 400));
        b.add(new Body("XInclude", xml, "<dc-workflow xmlns:xi=\"http://www.w3.org/2001/XInclude\" workflow_id=\"w\">"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></dc-workflow>", false, 400));
        b.add(new Body("undeclared entity", xml, "<dc-workflow workflow_id=\"w\" title=\"&xxe;\"/>", false, 400));
        b.add(new Body("10k nested elements", xml, "<dc-workflow><permission>" + "<a>".repeat(10_000)
                + "</a>".repeat(10_000) + "</permission></dc-workflow>", false, 400));
        b.add(new Body("malformed", xml, "<dc-workflow workflow_id=\"w\"", false, 400));
        b.add(new Body("empty", xml, "", false, 400));
        b.add(new Body("not DCWorkflow", xml, "<html><body>hello</body></html>", false, 400));
        b.add(new Body("DCWorkflow without states", xml, "<dc-workflow workflow_id=\"w\"/>", false, 400));
        b.add(new Body("processing instruction and comment only", xml, "<?xml version=\"1.0\"?><!-- nothing -->", false, 400));
        b.add(new Body("DCWorkflow as JSON", "application/json", VALID_DCWORKFLOW, false, 415));
        b.add(new Body("DCWorkflow as text/plain", "text/plain", VALID_DCWORKFLOW, false, 415));
        b.add(new Body("DCWorkflow without content type", null, VALID_DCWORKFLOW, false, 415));
        b.add(new Body("DCWorkflow as a form", "application/x-www-form-urlencoded", VALID_DCWORKFLOW, false, 415));
        b.add(new Body("import limit + 1 byte", xml, VALID_DCWORKFLOW
                + " ".repeat(MAX_IMPORT_BYTES + 1 - VALID_DCWORKFLOW.length()), true, 413));
        return b;
    }

    /**
     * Path segments (already URL-encoded, sent as they are) that name no resource: traversal,
     * encoded NUL and line breaks, injection, numbers out of range.
     */
    static List<String> pathIds(String existingId) {
        List<String> ids = new ArrayList<>(List.of("0", "-1", "abc", "1e400", "99999999999999999999",
                "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2e%2e", "%00", "%0d%0aX-Injected:%201",
                existingId + "%00", existingId + "%0a", existingId + "%2F..", "%27%20OR%201%3D1%20--", "%3Cscript%3E",
                "$%7Bjndi:ldap:%2F%2Fx%2Fa%7D", "9".repeat(300)));
        return ids;
    }

    /** Values for a query parameter of the given schema that must be refused (400). */
    static List<String> refusedQueryValues(String name, JsonNode schema) {
        List<String> v = new ArrayList<>();
        String type = schema.path("type").asText();
        if (name.equals("cursor")) {
            v.addAll(List.of("bogus", "x".repeat(300),
                    Base64.getUrlEncoder().encodeToString("id:1 OR 1=1".getBytes(StandardCharsets.US_ASCII)),
                    Base64.getUrlEncoder().encodeToString("id:99999999999999999999".getBytes(StandardCharsets.US_ASCII))));
            v.addAll(INJECTIONS);
        } else if (type.equals("integer")) {
            v.addAll(List.of("abc", "1e5", "1.5", "99999999999999999999", "0x10", "1 OR 1=1"));
            if (schema.has("minimum")) {
                v.add(String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                v.add(String.valueOf(schema.get("maximum").asLong() + 1));
            }
            v.addAll(INJECTIONS);
        } else if (schema.has("enum") || schema.path("format").asText().equals("date-time")) {
            v.addAll(List.of("yesterday", "2024-13-45T99:99:99Z", "SENT%", "*"));
            v.addAll(INJECTIONS);
        } else if (schema.has("maxLength")) {
            v.add("a".repeat(schema.get("maxLength").asInt() + 1));
            v.add("' OR 1=1 --".repeat(schema.get("maxLength").asInt() / 10 + 1));
        }
        return v;
    }

    /** Values for a free-text query parameter (a filter) that may be answered 200, but must then match nothing. */
    static List<String> freeTextQueryValues(JsonNode schema) {
        return schema.path("type").asText().equals("string") && !schema.has("enum") && !schema.has("format")
                && schema.has("maxLength") ? INJECTIONS : List.of();
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String jsonString(String s) {
        try {
            return Http.JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
