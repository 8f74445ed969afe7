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
import org.campus.api.sharing.SourceDeleted;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.StoredText;

/** The input rules of share progress, checked before anything is written. */
final class ShareRules {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_MESSAGE_LENGTH = 4000;

    private ShareRules() {
    }

    static void checkNewShare(NewShare share) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "courseId", share.courseId(), true);
        checkId(errors, "userId", share.userId(), true);
        if (share.type() == null) {
            errors.add(new FieldError("type", "is required"));
        } else if (share.type() == ShareType.ACTIVITY) {
            if (share.cmId() == null) {
                errors.add(new FieldError("cmId", "is required for an activity share"));
            } else {
                checkId(errors, "cmId", share.cmId(), true);
            }
        } else if (share.cmId() != null) {
            errors.add(new FieldError("cmId", "must be absent for a " + share.type().code() + " share"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static void checkSourceDeleted(SourceDeleted deleted) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "courseId", deleted.courseId(), true);
        checkId(errors, "cmId", deleted.cmId(), false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** An LMS id: present when required, and 1 to 255 characters that are not all blank. */
    static void checkId(List<FieldError> errors, String field, LmsId id, boolean required) {
        if (id == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (id.value().isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (id.value().length() > LmsId.MAX_LENGTH) {
            errors.add(new FieldError(field, "is longer than " + LmsId.MAX_LENGTH + " characters"));
        } else if (StoredText.hasControl(id.value())) {
            errors.add(new FieldError(field, "must not contain control characters"));
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
        if (StoredText.hasNul(message)) {
            throw new InvalidInputException("message", "must not contain NUL characters");
        }
    }
}
