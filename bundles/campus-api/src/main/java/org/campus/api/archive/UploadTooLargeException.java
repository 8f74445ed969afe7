package org.campus.api.archive;

import org.campus.api.CampusException;

/** An uploaded file would grow past the configured limit (HTTP 413). */
public class UploadTooLargeException extends CampusException {
    private static final long serialVersionUID = 1L;

    public UploadTooLargeException(String message) {
        super(message);
    }
}
