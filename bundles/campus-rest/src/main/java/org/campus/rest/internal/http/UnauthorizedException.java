package org.campus.rest.internal.http;

/** No credentials, or wrong ones: 401, whatever the path, so that nothing about the API leaks. */
final class UnauthorizedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String CHALLENGE = "Bearer realm=\"campus\", Basic realm=\"campus\"";

    UnauthorizedException() {
        super("Credentials are missing or wrong: send an LMS API key as 'Authorization: Bearer <key>', "
                + "or an administrator's user and password with HTTP Basic");
    }
}
