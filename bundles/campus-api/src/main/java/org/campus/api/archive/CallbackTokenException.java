package org.campus.api.archive;

import org.campus.api.CampusException;

/**
 * A worker's report came without a callback token, or with one no activity was given (HTTP 401).
 * A token of another activity is a {@code ForbiddenException} (403).
 *
 * @since 1.1
 */
public class CallbackTokenException extends CampusException {
    private static final long serialVersionUID = 1L;

    /**
     * The form of every callback token ({@code cw_} and 43 characters of base64url): a bearer token of
     * another form is refused before anything is looked up.
     */
    public static final String TOKEN_FORMAT = "cw_[A-Za-z0-9_-]{43}";

    public CallbackTokenException(String message) {
        super(message);
    }
}
