package org.campus.spi.storage;

import java.util.Objects;

/**
 * What a driver answers for a stored object.
 *
 * @param location where it is, for {@link StorageDriver#retrieve} and the others; at most
 *        {@link StorageDriver#MAX_LOCATION_LENGTH} characters
 * @param size the bytes stored
 * @param sha256 their SHA-256, 64 lower-case hex digits
 */
public record StoredArchive(String location, long size, String sha256) {

    public StoredArchive {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
        if (location.isEmpty() || location.length() > StorageDriver.MAX_LOCATION_LENGTH) {
            throw new IllegalArgumentException("a location is 1 to " + StorageDriver.MAX_LOCATION_LENGTH
                    + " characters");
        }
    }
}
