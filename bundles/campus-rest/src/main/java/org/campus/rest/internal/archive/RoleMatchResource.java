package org.campus.rest.internal.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.InvalidInputException;
import org.campus.api.archive.roles.RoleDefinition;
import org.campus.api.archive.roles.RoleMatch;
import org.campus.api.archive.roles.RoleMatchReport;
import org.campus.api.archive.roles.RoleMatcher;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /archive/role-matches}: the restore-side check of archived course roles against the
 * roles of a target site (by short name, then by capability set), through the {@link RoleMatcher}
 * of campus-archiver-roles; the route is there while that bundle is.
 */
@Component(service = ApiResource.class, immediate = true)
public class RoleMatchResource implements ApiResource {

    static final int MAX_ROLES = 1000;

    private final RoleMatcher matcher;
    private final Json json = new Json();

    @Activate
    public RoleMatchResource(@Reference RoleMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.POST, "/archive/role-matches", Access.read(ArchiveResource.SCOPE), this::match);
    }

    private Reply match(ApiRequest request) {
        JsonInput in = request.jsonObject();
        JsonNode archivedNode = in.node().get("archived");
        if (archivedNode == null || !archivedNode.isObject()) {
            in.error("archived", "is required: the roles.json entry of an archive (an object with format and roles)");
        } else if (archivedNode.path("roles").size() > MAX_ROLES) {
            in.error("archived.roles", "must list at most " + MAX_ROLES + " roles");
        }
        JsonNode targetNode = in.node().get("target");
        List<RoleDefinition> target = new ArrayList<>();
        if (targetNode == null || !targetNode.isArray()) {
            in.error("target", "is required: the roles of the target site");
        } else if (targetNode.size() > MAX_ROLES) {
            in.error("target", "must list at most " + MAX_ROLES + " roles");
        } else {
            for (int i = 0; i < targetNode.size(); i++) {
                RoleDefinition r = role(in, targetNode.get(i), "target[" + i + "]");
                if (r != null) {
                    target.add(r);
                }
            }
        }
        in.check();
        List<RoleDefinition> archived;
        try {
            archived = matcher.readArchivedRoles(new ByteArrayInputStream(json.mapper().writeValueAsBytes(
                    archivedNode)));
        } catch (IOException e) {
            throw new InvalidInputException("archived", e.getMessage());
        }
        RoleMatchReport report = matcher.match(archived, target);
        ObjectNode n = json.mapper().createObjectNode();
        n.put("complete", report.complete());
        ArrayNode matches = n.putArray("matches");
        for (RoleMatch m : report.matches()) {
            ObjectNode o = matches.addObject();
            o.put("archived", m.archived());
            o.put("outcome", m.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (m.target() != null) {
                o.put("target", m.target());
            }
            m.candidates().forEach(o.putArray("candidates")::add);
            m.differences().forEach(o.putArray("differences")::add);
        }
        return Reply.ok(n);
    }

    private static RoleDefinition role(JsonInput in, JsonNode r, String at) {
        if (!r.isObject()) {
            in.error(at, "must be a role object with shortName and capabilities");
            return null;
        }
        JsonNode shortName = r.get("shortName");
        if (shortName == null || !shortName.isTextual() || shortName.textValue().isBlank()
                || shortName.textValue().length() > 100) {
            in.error(at + ".shortName", "must be a string of 1 to 100 characters");
            return null;
        }
        List<String> levels = new ArrayList<>();
        r.path("contextLevels").forEach(l -> levels.add(l.asText()));
        Map<String, String> capabilities = new LinkedHashMap<>();
        JsonNode caps = r.get("capabilities");
        if (caps != null && !caps.isNull()) {
            if (!caps.isObject()) {
                in.error(at + ".capabilities", "must be an object of capability to permission");
                return null;
            }
            caps.fields().forEachRemaining(e -> capabilities.put(e.getKey(), e.getValue().asText()));
        }
        return new RoleDefinition(shortName.textValue(), r.path("name").asText(null), r.path("archetype").asText(null),
                levels, capabilities);
    }
}
