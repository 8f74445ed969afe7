package org.campus.rest.internal.http;

/** Answers one route. Throws Campus exceptions for the problem mapping to turn into problem details. */
@FunctionalInterface
public interface Handler {
    Reply handle(ApiRequest request) throws Exception;
}
