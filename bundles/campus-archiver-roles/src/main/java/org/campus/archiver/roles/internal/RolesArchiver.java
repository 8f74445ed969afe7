package org.campus.archiver.roles.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campus.api.InvalidInputException;
import org.campus.api.archive.roles.RoleMatcher;
import org.campus.spi.LogLevel;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ActivityRequest;
import org.campus.spi.archiver.ArchiveContext;
import org.campus.spi.archiver.ArchiveResult;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Archives what a course holds about users and roles (activity type {@code roles}, from inline
 * JSON sent with the job; the activity id is the LMS's choice, e.g. the course id). Following the
 * LMS backup of roles:
 *
 * <ul>
 * <li>{@code roles.json}: one definition of every role used in the course's contexts (assigned
 * or overridden), with its capabilities and the levels where it can be assigned, plus the virtual
 * role {@value RolesFormat#VIRTUAL_ROLE} when some user has no role;</li>
 * <li>{@code contexts.json}: the course, module and block contexts, each with its role
 * overrides;</li>
 * <li>{@code users.json}: every user with the roles granted per context; users without a role in
 * any of the course's contexts get the virtual role in the course context.</li>
 * </ul>
 *
 * Every user is declared a data subject. The archiver keeps nothing itself.
 */
@Component(service = ActivityArchiver.class, property = {ActivityArchiver.PROPERTY_ID + "=roles",
    ActivityArchiver.PROPERTY_ACTIVITY_TYPES + "=roles", ActivityArchiver.PROPERTY_INPUTS + "=inline"})
public class RolesArchiver implements ActivityArchiver {

    /** Generators from its factory can write trees (the users' details). */
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void validate(ActivityRequest request) {
        if (!request.hasInlineData()) {
            throw new InvalidInputException("data", "is required: the course's contexts, roles, users, assignments"
                    + " and overrides");
        }
        try (InputStream in = request.openInlineData()) {
            RolesInput.read(in);
        } catch (IOException e) {
            throw new InvalidInputException("data", "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public ArchiveResult archive(ArchiveContext context) throws IOException {
        if (!context.hasInlineData()) {
            return context.result().message("The job carries no data for the roles activity").failed();
        }
        RolesInput input;
        try (InputStream in = context.openInlineData()) {
            input = RolesInput.read(in);
        } catch (InvalidInputException e) {
            return context.result().message("The roles data is not valid: " + e.getMessage()).failed();
        }
        context.initProgress(3);

        Map<String, RolesInput.Role> rolesById = new HashMap<>();
        input.roles().forEach(r -> rolesById.put(r.id(), r));
        Map<String, RolesInput.Context> contextsById = new HashMap<>();
        input.contexts().forEach(c -> contextsById.put(c.id(), c));
        Map<String, Set<RolesInput.Assignment>> byUser = new HashMap<>();
        for (RolesInput.Assignment a : input.assignments()) {
            byUser.computeIfAbsent(a.userId(), k -> new LinkedHashSet<>()).add(a);
        }
        boolean someoneWithoutRole = input.users().stream().anyMatch(u -> !byUser.containsKey(u.id()));
        Set<String> used = new LinkedHashSet<>();
        input.assignments().forEach(a -> used.add(a.roleId()));
        input.overrides().forEach(o -> used.add(o.roleId()));

        if (context.isCancelled()) {
            return context.result().cancelled();
        }
        try (JsonGenerator g = generator(context, RoleMatcher.ROLES_ENTRY)) {
            g.writeStringField("format", RolesFormat.FORMAT);
            g.writeNumberField("formatVersion", 1);
            g.writeStringField("virtualRole", RolesFormat.VIRTUAL_ROLE);
            g.writeArrayFieldStart("roles");
            for (RolesInput.Role role : input.roles()) {
                if (used.contains(role.id())) {
                    RolesFormat.writeRole(g, role);
                }
            }
            if (someoneWithoutRole) {
                RolesFormat.writeVirtualRole(g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        context.incrementProgress(1);

        if (context.isCancelled()) {
            return context.result().cancelled();
        }
        Map<String, List<RolesInput.Override>> overridesByContext = new LinkedHashMap<>();
        input.overrides().forEach(o -> overridesByContext.computeIfAbsent(o.contextId(), k -> new ArrayList<>()).add(o));
        try (JsonGenerator g = generator(context, RolesFormat.CONTEXTS_ENTRY)) {
            g.writeStringField("format", "campus-role-contexts");
            g.writeNumberField("formatVersion", 1);
            g.writeArrayFieldStart("contexts");
            for (RolesInput.Context c : input.contexts()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("level", c.level());
                g.writeStringField("instanceId", c.instanceId());
                g.writeStringField("name", c.name());
                g.writeStringField("parentId", c.parentId());
                g.writeArrayFieldStart("overrides");
                for (RolesInput.Override o : overridesByContext.getOrDefault(c.id(), List.of())) {
                    g.writeStartObject();
                    g.writeStringField("role", rolesById.get(o.roleId()).shortName());
                    g.writeStringField("capability", o.capability());
                    g.writeStringField("permission", o.permission());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        context.incrementProgress(1);

        if (context.isCancelled()) {
            return context.result().cancelled();
        }
        RolesInput.Context course = input.courseContext();
        int withoutRole = 0;
        try (JsonGenerator g = generator(context, RolesFormat.USERS_ENTRY)) {
            g.writeStringField("format", "campus-role-users");
            g.writeNumberField("formatVersion", 1);
            g.writeArrayFieldStart("users");
            for (RolesInput.User u : input.users()) {
                context.addDataSubject(u.id());
                g.writeStartObject();
                u.details().fields().forEachRemaining(f -> {
                    if (f.getKey().equals("roles")) {
                        return;
                    }
                    try {
                        g.writeFieldName(f.getKey());
                        g.writeTree(f.getValue());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                g.writeArrayFieldStart("roles");
                Set<RolesInput.Assignment> granted = byUser.get(u.id());
                if (granted == null) {
                    withoutRole++;
                    grant(g, RolesFormat.VIRTUAL_ROLE, course);
                } else {
                    for (RolesInput.Assignment a : granted) {
                        grant(g, rolesById.get(a.roleId()).shortName(), contextsById.get(a.contextId()));
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        context.incrementProgress(1);
        context.log(LogLevel.INFO, "{} users ({} without a role in the course), {} roles used, {} contexts archived",
                input.users().size(), withoutRole, used.size(), input.contexts().size());
        return context.result().succeeded();
    }

    private static void grant(JsonGenerator g, String role, RolesInput.Context context) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", role);
        g.writeStringField("context", context.id());
        g.writeStringField("contextLevel", context.level());
        g.writeEndObject();
    }

    /** A generator over a new entry, inside the entry's top-level object; closing it adds the entry. */
    private JsonGenerator generator(ArchiveContext context, String entry) throws IOException {
        OutputStream out = context.entries().entry(entry).contentType("application/json").open();
        JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        return g;
    }
}
