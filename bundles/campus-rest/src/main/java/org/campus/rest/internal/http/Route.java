package org.campus.rest.internal.http;

/** One method on one path, who may call it, and what answers it. */
public record Route(Method method, PathTemplate path, Access access, Handler handler) {
}
