package org.campus.rest.internal.http;

/** The HTTP methods the API serves. */
public enum Method {
    GET, POST, PUT, PATCH, DELETE;

    static Method parse(String name) {
        for (Method m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
