package org.campus.api.provider;

import java.util.List;
import java.util.Objects;

import org.campus.spi.ProviderHealth;

/**
 * One registered provider, described the same way whatever its kind.
 *
 * @param id the provider's id from its service property ({@code storage.id}, {@code archiver.id})
 * @param bundle the symbolic name of the bundle that registered it
 * @param version that bundle's version
 * @param health the provider's health when described; {@link ProviderHealth.Status#DOWN} with the
 *        reason when its service properties are wrong or its id is taken by another provider
 * @param handles what it handles: an archiver's activity types; empty for a storage driver
 * @param inputs an archiver's inputs ({@code campus}, {@code inline}, {@code uploads}); empty for others
 * @param title a title for people, or {@code null}
 */
public record ProviderDescription(ProviderKind kind, String id, String bundle, String version, ProviderHealth health,
        List<String> handles, List<String> inputs, String title) {

    public ProviderDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(health, "health");
        handles = List.copyOf(handles);
        inputs = List.copyOf(inputs);
    }

    /** {@code archiver 'workflow' (campus-archiver-workflow 0.1.0)}: how reasons and logs name it. */
    public String label() {
        return kind.value() + " '" + id + "' (" + bundle + " " + version + ")";
    }
}
