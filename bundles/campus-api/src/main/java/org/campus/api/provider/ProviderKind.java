package org.campus.api.provider;

import java.util.Arrays;
import java.util.Optional;

import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.storage.StorageDriver;

/** The kinds of providers, as the HTTP API names them. */
public enum ProviderKind {
    STORAGE(StorageDriver.KIND),
    ARCHIVER(ActivityArchiver.KIND),
    TRANSFER("transfer");

    private final String value;

    ProviderKind(String value) {
        this.value = value;
    }

    /** {@code storage}, {@code archiver} or {@code transfer}. */
    public String value() {
        return value;
    }

    public static Optional<ProviderKind> fromValue(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }
}
