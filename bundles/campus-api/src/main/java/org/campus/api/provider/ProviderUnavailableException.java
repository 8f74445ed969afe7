package org.campus.api.provider;

import org.campus.api.CampusException;

/** The provider a piece of work needs is not registered (any more). The message names it. */
public class ProviderUnavailableException extends CampusException {
    private static final long serialVersionUID = 1L;

    private final ProviderKind kind;
    private final String id;

    public ProviderUnavailableException(ProviderKind kind, String id, String message) {
        super(message);
        this.kind = kind;
        this.id = id;
    }

    public ProviderKind kind() {
        return kind;
    }

    /** The provider id (or, for an archiver looked up by type, the activity type) that was asked for. */
    public String id() {
        return id;
    }
}
