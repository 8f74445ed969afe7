package org.campus.archiver.roles.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The inline {@code data} of a {@code roles} activity, read and checked (see docs/ARCHIVES.md,
 * "Roles"): the course's contexts, the role definitions, the users, the role assignments per
 * context and the role overrides per context. Ids may be strings or whole numbers.
 */
record RolesInput(List<Context> contexts, List<Role> roles, List<User> users, List<Assignment> assignments,
        List<Override> overrides) {

    /** Where a role can be assigned or overridden. */
    static final Set<String> CONTEXT_LEVELS = Set.of("course", "module", "block");
    /** Where a role may be assignable, as a definition says. */
    static final Set<String> ROLE_LEVELS = Set.of("system", "user", "category", "course", "module", "block");
    static final Set<String> PERMISSIONS = Set.of("inherit", "allow", "prevent", "prohibit");
    private static final int MAX_ERRORS = 50;
    private static final int MAX_TEXT = 1000;

    record Context(String id, String level, String instanceId, String name, String parentId) {
    }

    record Role(String id, String shortName, String name, String archetype, List<String> contextLevels, Integer sortOrder,
            Map<String, String> capabilities) {
    }

    record User(String id, JsonNode details) {
    }

    record Assignment(String userId, String roleId, String contextId) {
    }

    record Override(String contextId, String roleId, String capability, String permission) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    /** The course's own context. */
    Context courseContext() {
        return contexts.stream().filter(c -> c.level().equals("course")).findFirst().orElseThrow();
    }

    /**
     * @throws InvalidInputException naming every problem (at most 50), with paths relative to {@code data}
     */
    static RolesInput read(InputStream data) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("data", "is not valid JSON: " + e.getOriginalMessage());
        }
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("data", "must be an object with contexts, roles, users, assignments"
                    + " and overrides");
        }
        Reader r = new Reader(errors);

        List<Context> contexts = new ArrayList<>();
        Set<String> contextIds = new HashSet<>();
        JsonNode cs = r.list(root, "contexts", true);
        for (int i = 0; i < cs.size(); i++) {
            String at = "contexts[" + i + "]";
            JsonNode c = r.object(cs.get(i), at);
            String id = r.id(c, at + ".id", true);
            String level = r.text(c, at + ".level", true);
            if (level != null && !CONTEXT_LEVELS.contains(level)) {
                r.error(at + ".level", "must be course, module or block");
            }
            if (id != null && !contextIds.add(id)) {
                r.error(at + ".id", "is the id of an earlier context");
            }
            contexts.add(new Context(id, level, r.id(c, at + ".instanceId", false), r.text(c, at + ".name", false),
                    r.id(c, at + ".parentId", false)));
        }
        long courses = contexts.stream().filter(c -> "course".equals(c.level())).count();
        if (cs.size() > 0 && courses != 1) {
            r.error("contexts", "must hold exactly one context of level course, not " + courses);
        }
        for (int i = 0; i < contexts.size(); i++) {
            String parent = contexts.get(i).parentId();
            if (parent != null && !contextIds.contains(parent)) {
                r.error("contexts[" + i + "].parentId", "names no context of the list");
            }
        }

        List<Role> roles = new ArrayList<>();
        Map<String, Role> rolesById = new HashMap<>();
        Set<String> shortNames = new HashSet<>();
        JsonNode rs = r.list(root, "roles", true);
        for (int i = 0; i < rs.size(); i++) {
            String at = "roles[" + i + "]";
            JsonNode n = r.object(rs.get(i), at);
            String id = r.id(n, at + ".id", true);
            String shortName = r.text(n, at + ".shortName", true);
            if (shortName != null) {
                if (shortName.length() > 100) {
                    r.error(at + ".shortName", "is longer than 100 characters");
                } else if (shortName.equalsIgnoreCase(RolesFormat.VIRTUAL_ROLE)) {
                    r.error(at + ".shortName", "is the name of the archive's virtual role for users without a role");
                } else if (!shortNames.add(shortName.toLowerCase(Locale.ROOT))) {
                    r.error(at + ".shortName", "is the short name of an earlier role");
                }
            }
            List<String> levels = new ArrayList<>();
            JsonNode ls = r.list(n, at + ".contextLevels", "contextLevels", false);
            for (int j = 0; j < ls.size(); j++) {
                String level = ls.get(j).isTextual() ? ls.get(j).asText() : null;
                if (level == null || !ROLE_LEVELS.contains(level)) {
                    r.error(at + ".contextLevels[" + j + "]", "must be one of " + new java.util.TreeSet<>(ROLE_LEVELS));
                } else {
                    levels.add(level);
                }
            }
            Map<String, String> capabilities = new LinkedHashMap<>();
            JsonNode caps = n.get("capabilities");
            if (caps != null && !caps.isNull()) {
                if (!caps.isObject()) {
                    r.error(at + ".capabilities", "must be an object of capability to permission");
                } else {
                    caps.fields().forEachRemaining(e -> {
                        if (!e.getValue().isTextual() || !PERMISSIONS.contains(e.getValue().asText())) {
                            r.error(at + ".capabilities." + e.getKey(), "must be inherit, allow, prevent or prohibit");
                        } else if (e.getKey().isBlank() || e.getKey().length() > 255) {
                            r.error(at + ".capabilities", "holds a capability name that is blank or too long");
                        } else {
                            capabilities.put(e.getKey(), e.getValue().asText());
                        }
                    });
                }
            }
            Integer sortOrder = n.hasNonNull("sortOrder") && n.get("sortOrder").canConvertToInt()
                    ? n.get("sortOrder").asInt() : null;
            Role role = new Role(id, shortName, r.text(n, at + ".name", false), r.text(n, at + ".archetype", false),
                    levels, sortOrder, capabilities);
            if (id != null && rolesById.putIfAbsent(id, role) != null) {
                r.error(at + ".id", "is the id of an earlier role");
            }
            roles.add(role);
        }

        List<User> users = new ArrayList<>();
        Set<String> userIds = new HashSet<>();
        JsonNode us = r.list(root, "users", true);
        for (int i = 0; i < us.size(); i++) {
            String at = "users[" + i + "]";
            JsonNode n = r.object(us.get(i), at);
            String id = r.id(n, at + ".id", true);
            if (id != null && !userIds.add(id)) {
                r.error(at + ".id", "is the id of an earlier user");
            }
            users.add(new User(id, n));
        }

        List<Assignment> assignments = new ArrayList<>();
        JsonNode as = r.list(root, "assignments", false);
        for (int i = 0; i < as.size(); i++) {
            String at = "assignments[" + i + "]";
            JsonNode n = r.object(as.get(i), at);
            String user = r.id(n, at + ".userId", true);
            String role = r.id(n, at + ".roleId", true);
            String context = r.id(n, at + ".contextId", true);
            if (user != null && !userIds.contains(user)) {
                r.error(at + ".userId", "names no user of the list");
            }
            if (role != null && !rolesById.containsKey(role)) {
                r.error(at + ".roleId", "names no role of the list");
            }
            if (context != null && !contextIds.contains(context)) {
                r.error(at + ".contextId", "names no context of the list");
            }
            assignments.add(new Assignment(user, role, context));
        }

        List<Override> overrides = new ArrayList<>();
        JsonNode os = r.list(root, "overrides", false);
        for (int i = 0; i < os.size(); i++) {
            String at = "overrides[" + i + "]";
            JsonNode n = r.object(os.get(i), at);
            String context = r.id(n, at + ".contextId", true);
            String role = r.id(n, at + ".roleId", true);
            String capability = r.text(n, at + ".capability", true);
            String permission = r.text(n, at + ".permission", true);
            if (context != null && !contextIds.contains(context)) {
                r.error(at + ".contextId", "names no context of the list");
            }
            if (role != null && !rolesById.containsKey(role)) {
                r.error(at + ".roleId", "names no role of the list");
            }
            if (permission != null && !PERMISSIONS.contains(permission)) {
                r.error(at + ".permission", "must be inherit, allow, prevent or prohibit");
            }
            overrides.add(new Override(context, role, capability, permission));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RolesInput(contexts, roles, users, assignments, overrides);
    }

    /** Reads fields, noting each problem once, up to {@link #MAX_ERRORS}. */
    private static final class Reader {
        private static final JsonNode EMPTY = JSON.createArrayNode();
        private final List<FieldError> errors;

        Reader(List<FieldError> errors) {
            this.errors = errors;
        }

        void error(String field, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new FieldError(field, message));
            }
        }

        JsonNode list(JsonNode parent, String field, boolean required) {
            return list(parent, field, field, required);
        }

        JsonNode list(JsonNode parent, String path, String field, boolean required) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                if (required) {
                    error(path, "is required (a list, which may be empty)");
                }
                return EMPTY;
            }
            if (!n.isArray()) {
                error(path, "must be a list");
                return EMPTY;
            }
            return n;
        }

        JsonNode object(JsonNode n, String path) {
            if (n == null || !n.isObject()) {
                error(path, "must be an object");
                return JSON.createObjectNode();
            }
            return n;
        }

        String id(JsonNode parent, String path, boolean required) {
            JsonNode n = parent.get(path.substring(path.lastIndexOf('.') + 1));
            if (n == null || n.isNull()) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!(n.isTextual() || n.isIntegralNumber()) || n.asText().isBlank() || n.asText().length() > 255) {
                error(path, "must be a string of 1 to 255 characters or a whole number");
                return null;
            }
            return n.asText();
        }

        String text(JsonNode parent, String path, boolean required) {
            JsonNode n = parent.get(path.substring(path.lastIndexOf('.') + 1));
            if (n == null || n.isNull()) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!n.isTextual() || (required && n.asText().isBlank()) || n.asText().length() > MAX_TEXT) {
                error(path, "must be a" + (required ? " non-blank" : "") + " string of at most " + MAX_TEXT
                        + " characters");
                return null;
            }
            return n.asText();
        }
    }
}
