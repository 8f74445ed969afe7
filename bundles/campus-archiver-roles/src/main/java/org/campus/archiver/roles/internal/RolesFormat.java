package org.campus.archiver.roles.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.archive.roles.RoleDefinition;
import org.campus.api.archive.roles.RoleMatcher;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The entries the roles archiver writes, and how {@link RoleMatcher#ROLES_ENTRY} is read back.
 *
 * <p>The virtual role {@value #VIRTUAL_ROLE} stands for users who have no role in any of the
 * course's contexts (unenrolled users who left traces, users who reach the course through a
 * category role): its colon cannot appear in an LMS role's short name (Moodle's are letters, digits,
 * {@code _} and {@code -}), and an input role of that name is refused, so it never collides with a
 * real role.
 */
final class RolesFormat {

    static final String VIRTUAL_ROLE = "campus:no-role";
    static final String FORMAT = "campus-roles";
    static final String CONTEXTS_ENTRY = "contexts.json";
    static final String USERS_ENTRY = "users.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RolesFormat() {
    }

    static void writeRole(JsonGenerator g, RolesInput.Role role) throws IOException {
        g.writeStartObject();
        g.writeStringField("shortName", role.shortName());
        g.writeStringField("name", role.name());
        g.writeStringField("archetype", role.archetype());
        g.writeArrayFieldStart("contextLevels");
        for (String level : role.contextLevels()) {
            g.writeString(level);
        }
        g.writeEndArray();
        if (role.sortOrder() != null) {
            g.writeNumberField("sortOrder", role.sortOrder());
        }
        g.writeObjectFieldStart("capabilities");
        for (Map.Entry<String, String> c : new java.util.TreeMap<>(role.capabilities()).entrySet()) {
            g.writeStringField(c.getKey(), c.getValue());
        }
        g.writeEndObject();
        g.writeBooleanField("virtual", false);
        g.writeEndObject();
    }

    static void writeVirtualRole(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("shortName", VIRTUAL_ROLE);
        g.writeStringField("name", "Users without a role in the course");
        g.writeNullField("archetype");
        g.writeArrayFieldStart("contextLevels");
        g.writeString("course");
        g.writeEndArray();
        g.writeObjectFieldStart("capabilities");
        g.writeEndObject();
        g.writeBooleanField("virtual", true);
        g.writeEndObject();
    }

    static List<RoleDefinition> readRoles(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("roles").isArray()) {
            throw new IOException("Not a roles entry of a Campus archive (format " + FORMAT + ")");
        }
        List<RoleDefinition> roles = new ArrayList<>();
        for (JsonNode r : root.get("roles")) {
            List<String> levels = new ArrayList<>();
            r.path("contextLevels").forEach(l -> levels.add(l.asText()));
            Map<String, String> capabilities = new LinkedHashMap<>();
            r.path("capabilities").fields().forEachRemaining(e -> capabilities.put(e.getKey(), e.getValue().asText()));
            roles.add(new RoleDefinition(r.path("shortName").asText(), r.path("name").asText(null),
                    r.path("archetype").asText(null), levels, capabilities, r.path("virtual").asBoolean(false)));
        }
        return roles;
    }
}
