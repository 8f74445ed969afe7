package org.campus.core.internal.sharing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareType;

/** The input rules of share progress, checked before anything is written. */
final class ShareRules {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_MESSAGE_LENGTH = 4000;

    private ShareRules() {
    }

    static void checkNewShare(NewShare share) {
        List<FieldError> errors = new ArrayList<>();
        if (share.courseId() <= 0) {
            errors.add(new FieldError("courseId", "must be a positive id"));
        }
        if (share.userId() <= 0) {
            errors.add(new FieldError("userId", "must be a positive id"));
        }
        if (share.type() == null) {
            errors.add(new FieldError("type", "is required"));
        } else if (share.type() == ShareType.ACTIVITY) {
            if (share.cmId() == null) {
                errors.add(new FieldError("cmId", "is required for an activity share"));
            } else if (share.cmId() <= 0) {
                errors.add(new FieldError("cmId", "must be a positive id"));
            }
        } else if (share.cmId() != null) {
            errors.add(new FieldError("cmId", "must be absent for a " + share.type().code() + " share"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static void checkResourceUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("resourceUrl", "is required when a share is sent");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("resourceUrl", "is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidInputException("resourceUrl", "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("resourceUrl", "must be an absolute http or https URL");
        }
    }

    static void checkMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidInputException("message", "is required when a share failed");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new InvalidInputException("message", "is longer than " + MAX_MESSAGE_LENGTH + " characters");
        }
    }
}
