package org.campus.spi.storage;

import java.io.IOException;

/** Nothing is stored at the location. */
public class NoSuchArchiveException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public NoSuchArchiveException(String location) {
        super("No archive is stored at " + location);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
