package org.campus.rest.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, headers, and a body (a JSON tree or a string with its type). */
public final class Reply {

    private final int status;
    private Object body;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, Object body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    public static Reply ok(Object json) {
        return new Reply(200, json, Json.CONTENT_TYPE);
    }

    public static Reply created(String location, Object json) {
        return new Reply(201, json, Json.CONTENT_TYPE).header("Location", location);
    }

    /** 202: the work was accepted and goes on; {@code location} is where to follow it. */
    public static Reply accepted(String location, Object json) {
        return new Reply(202, json, Json.CONTENT_TYPE).header("Location", location);
    }

    public static Reply noContent() {
        return new Reply(204, null, null);
    }

    public static Reply text(int status, String contentType, String text) {
        return new Reply(status, text, contentType);
    }

    /**
     * 200 with {@code data} streamed as the body (closed once written): the handler opens it, so
     * that a missing resource is still answered as a problem.
     */
    public static Reply stream(String contentType, java.io.InputStream data) {
        return new Reply(200, data, contentType);
    }

    /** The same status and content type with a JSON body instead. */
    public Reply withJson(Object json) {
        this.body = json;
        return this;
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
