package org.campus.api.archive.roles;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A role as an LMS defines it.
 *
 * @param shortName the technical name ({@code editingteacher}), which identifies the role on a site
 * @param name the name people see, or {@code null}
 * @param archetype the LMS archetype ({@code student}, {@code teacher}, ...), or {@code null}
 * @param contextLevels where the role may be assigned ({@code course}, {@code module}, {@code block}, ...)
 * @param capabilities capability name to permission ({@code allow}, {@code prevent}, {@code prohibit};
 *        {@code inherit} means not set and is left out), in name order
 * @param virtual the archive's stand-in for users without a role in the course; not a real role
 */
public record RoleDefinition(String shortName, String name, String archetype, List<String> contextLevels,
        Map<String, String> capabilities, boolean virtual) {

    public RoleDefinition {
        Objects.requireNonNull(shortName, "shortName");
        contextLevels = contextLevels == null ? List.of() : List.copyOf(contextLevels);
        TreeMap<String, String> set = new TreeMap<>();
        if (capabilities != null) {
            capabilities.forEach((capability, permission) -> {
                if (!"inherit".equals(permission)) {
                    set.put(capability, permission);
                }
            });
        }
        capabilities = Collections.unmodifiableMap(set);
    }

    /** A real role. */
    public RoleDefinition(String shortName, String name, String archetype, List<String> contextLevels,
            Map<String, String> capabilities) {
        this(shortName, name, archetype, contextLevels, capabilities, false);
    }
}
