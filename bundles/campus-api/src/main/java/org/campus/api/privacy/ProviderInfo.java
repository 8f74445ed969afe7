package org.campus.api.privacy;

/** A privacy provider as the privacy service lists it. */
public record ProviderInfo(String name, String description) {
}
