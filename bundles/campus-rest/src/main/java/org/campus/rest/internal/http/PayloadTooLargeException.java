package org.campus.rest.internal.http;

/** The body is larger than the configured limit: 413. */
final class PayloadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
