package org.campus.core.internal.workflow.model.uml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.Languages;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.MenuEntry;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorklistDef;
import org.campus.core.internal.workflow.model.PloneVocabulary;
import org.campus.core.internal.workflow.model.uml.MachineGraph.Edge;
import org.campus.core.internal.workflow.model.uml.MachineGraph.State;
import org.campus.core.internal.workflow.model.uml.MachineGraph.Vertex;
import org.campus.core.internal.workflow.model.uml.MachineGraph.Way;
import org.w3c.dom.Element;

/**
 * Turns an analysed {@link MachineGraph} into a workflow definition, reading the model the way
 * ArchGenXML does: permissions and labels from tagged values, roles and permissions from guards.
 * States and actions are sorted by id, as ArchGenXML writes them (and as Plone exports its own
 * workflows), so that a Plone workflow drawn in UML imports equal to its {@code definition.xml}.
 */
final class WorkflowAssembly {

    private static final int MAX_TITLE = 255;

    private final Xmi xmi;
    private final MachineGraph graph;
    private final String key;
    private final String name;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Map<State, Map<String, String>> stateTags = new IdentityHashMap<>();
    private final Set<String> everybodyRoles = new LinkedHashSet<>();

    WorkflowAssembly(Xmi xmi, MachineGraph graph, String key, String name) {
        this.xmi = xmi;
        this.graph = graph;
        this.key = key;
        this.name = name;
    }

    ImportResult assemble() {
        List<State> states = graph.states();
        states.forEach(state -> stateTags.put(state, mergedTags(state)));
        State initial = initialState(states);
        Set<State> reachable = reachable(initial);
        List<State> kept = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (State state : states) {
            if (reachable.contains(state)) {
                kept.add(state);
            } else {
                unreachable.add(state.id);
            }
        }
        if (!unreachable.isEmpty()) {
            warnings.add("states that cannot be reached from the initial state '" + initial.id + "' were left out: "
                    + String.join(", ", unreachable));
        }
        kept.sort(Comparator.comparing(s -> s.id));
        List<Way> ways = graph.ways().stream().filter(w -> reachable.contains(w.from())).toList();
        List<ActionDef> actions = actions(ways, kept);

        Map<State, Map<String, ArchGenXml.Grant>> grants = new IdentityHashMap<>();
        Set<String> permissionNames = new TreeSet<>();
        for (State state : kept) {
            Map<String, ArchGenXml.Grant> stateGrants = ArchGenXml.permissions(stateTags.get(state));
            grants.put(state, stateGrants);
            permissionNames.addAll(stateGrants.keySet());
        }
        List<PermissionMapping> mappings = new ArrayList<>();
        for (String permission : permissionNames) {
            mappings.add(new PermissionMapping(permission, PloneVocabulary.campusPermission(permission)));
            if (!PloneVocabulary.isKnownPermission(permission)) {
                warnings.add("permission '" + permission + "' has no Campus meaning; it is kept as a custom permission");
            }
        }
        List<StateDef> stateDefs = new ArrayList<>();
        for (State state : kept) {
            stateDefs.add(stateDef(state, grants.get(state), mappings));
        }
        Map<String, String> machineTags = xmi.tags(graph.machine());
        List<WorklistDef> worklists = worklists(kept);
        warnAboutUngrantedGuardPermissions(actions, mappings);
        List<String> unguarded = actions.stream()
                .filter(a -> a.roles().isEmpty() && a.guard().permissions().isEmpty()).map(ActionDef::id).toList();
        if (!unguarded.isEmpty()) {
            warnings.add("actions without guard roles or permissions may be performed by nobody in Campus until roles"
                    + " are given to them (Plone lets everybody): " + String.join(", ", unguarded));
        }
        for (String role : everybodyRoles) {
            warnings.add("role '" + role + "' means everybody in Plone but is an ordinary role name in Campus,"
                    + " held by nobody: grant its permissions to Campus roles such as guest or student");
        }
        if (!worklists.isEmpty()) {
            warnings.add("worklists are kept for export but not used by Campus: "
                    + String.join(", ", worklists.stream().map(WorklistDef::id).toList()));
        }
        String title = ArchGenXml.tag(machineTags, ArchGenXml.LABEL);
        WorkflowDefinition definition = new WorkflowDefinition(key, truncate(title != null ? title : name),
                description(graph.machine(), machineTags), initial.id, stateDefs, actions, null, mappings, List.of(),
                worklists, ArchGenXml.tag(machineTags, "state_var"));
        List<String> all = new ArrayList<>(graph.warnings());
        all.addAll(warnings);
        return new ImportResult(definition, all);
    }

    // ------------------------------------------------------------------ states

    /** The tags of every drawing of a state, the first drawing's first where they differ. */
    private Map<String, String> mergedTags(State state) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Vertex vertex : state.vertices) {
            xmi.tags(vertex.element).forEach((tag, value) -> {
                String earlier = merged.putIfAbsent(tag, value);
                if (earlier != null && !earlier.equals(value)) {
                    warnings.add("state '" + state.id + "' is drawn more than once with different values of '" + tag
                            + "'; the first drawing's '" + earlier + "' counts");
                }
            });
            List<String> behaviours = Transitions.behaviours(xmi, vertex.element);
            if (!behaviours.isEmpty()) {
                warnings.add("state '" + state.id + "': its behaviours (" + String.join(", ", behaviours)
                        + ") are not run by Campus and were dropped");
            }
        }
        return merged;
    }

    /**
     * The initial pseudostate's name when it names a state, else where its transition leads (the
     * standard UML reading), else the state tagged {@code initial_state}, else the first state.
     */
    private State initialState(List<State> states) {
        State tagged = null;
        for (State state : states) {
            if (ArchGenXml.marksInitialState(stateTags.get(state))) {
                if (tagged == null) {
                    tagged = state;
                } else {
                    warnings.add("states '" + tagged.id + "' and '" + state.id + "' are both tagged "
                            + ArchGenXml.INITIAL_STATE + "; the first counts");
                }
            }
        }
        State chosen = null;
        List<Vertex> initials = graph.topInitials();
        if (!initials.isEmpty()) {
            Vertex pseudostate = initials.get(0);
            if (initials.size() > 1) {
                warnings.add("the state machine has " + initials.size() + " initial pseudostates; the first counts");
            }
            if (pseudostate.alias != null) {
                chosen = pseudostate.alias;
                State target = graph.initialTarget(pseudostate);
                if (target != null && target != chosen
                        && pseudostate.outgoing.stream().noneMatch(graph::isNamedOrTriggered)) {
                    warnings.add("the initial pseudostate is named '" + pseudostate.name + "' but its transition leads"
                            + " to '" + target.id + "'; as in ArchGenXML, its name counts");
                }
            } else if (pseudostate.actsAsState) {
                chosen = pseudostate.state;
            } else {
                chosen = graph.initialTarget(pseudostate);
                if (chosen == null) {
                    warnings.add(pseudostate.label() + " leads to no state");
                }
            }
        }
        if (chosen != null) {
            if (tagged != null && tagged != chosen) {
                warnings.add("state '" + tagged.id + "' is tagged " + ArchGenXml.INITIAL_STATE + ", but the initial"
                        + " pseudostate makes '" + chosen.id + "' the initial state");
            }
            return chosen;
        }
        if (tagged != null) {
            return tagged;
        }
        State first = states.stream()
                .filter(s -> s.vertices.get(0).kind == MachineGraph.Kind.STATE
                        || s.vertices.get(0).kind == MachineGraph.Kind.MACHINE_AS_STATE)
                .findFirst().orElse(states.get(0));
        warnings.add("no initial pseudostate and no state tagged " + ArchGenXml.INITIAL_STATE + ": the first state, '"
                + first.id + "', is the initial state");
        return first;
    }

    private Set<State> reachable(State initial) {
        Map<State, List<State>> next = new IdentityHashMap<>();
        for (Way way : graph.ways()) {
            next.computeIfAbsent(way.from(), s -> new ArrayList<>()).add(way.to());
        }
        Set<State> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<State> pending = new ArrayDeque<>();
        reached.add(initial);
        pending.add(initial);
        while (!pending.isEmpty()) {
            for (State state : next.getOrDefault(pending.poll(), List.of())) {
                if (reached.add(state)) {
                    pending.add(state);
                }
            }
        }
        return reached;
    }

    private StateDef stateDef(State state, Map<String, ArchGenXml.Grant> grants, List<PermissionMapping> mappings) {
        Map<String, String> tags = stateTags.get(state);
        Map<String, Set<String>> byRole = new LinkedHashMap<>();
        List<String> acquired = new ArrayList<>();
        for (PermissionMapping mapping : mappings) {
            ArchGenXml.Grant grant = grants.get(mapping.externalName());
            if (grant == null) {
                continue;
            }
            if (grant.acquired()) {
                acquired.add(mapping.externalName());
            }
            for (String role : grant.roles()) {
                byRole.computeIfAbsent(campusRole(role), r -> new LinkedHashSet<>()).add(mapping.permission());
            }
        }
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        byRole.forEach((role, set) -> permissions.put(role, List.copyOf(set)));
        String label = ArchGenXml.tag(tags, ArchGenXml.LABEL);
        String title = label != null ? label : state.name.isEmpty() ? state.id : state.name;
        return new StateDef(state.id, truncate(title), stateDescription(state, tags), permissions, acquired, List.of(),
                ArchGenXml.translations(tags, ArchGenXml.LABEL, Languages.MAX_TITLE_LENGTH),
                ArchGenXml.translations(tags, ArchGenXml.DESCRIPTION, Languages.MAX_DESCRIPTION_LENGTH));
    }

    private String stateDescription(State state, Map<String, String> tags) {
        String description = ArchGenXml.tag(tags, ArchGenXml.DESCRIPTION);
        if (description == null) {
            description = ArchGenXml.tag(tags, ArchGenXml.DOCUMENTATION);
        }
        if (description == null) {
            description = comment(state.vertices.get(0).element);
        }
        return description;
    }

    private String description(Element element, Map<String, String> tags) {
        String description = ArchGenXml.tag(tags, ArchGenXml.DESCRIPTION);
        if (description == null) {
            description = ArchGenXml.tag(tags, ArchGenXml.DOCUMENTATION);
        }
        return description != null ? description : comment(element);
    }

    /** The body of an element's first owned comment (XMI 2), or null. */
    private String comment(Element element) {
        for (Element comment : xmi.refs(element, "ownedComment")) {
            String body = Xmi.plain(comment, "body");
            if (body == null) {
                body = Xmi.childText(comment, "body");
            }
            if (body != null && !body.isBlank()) {
                return body.strip();
            }
        }
        return null;
    }

    private String campusRole(String ploneRole) {
        if (PloneVocabulary.meansEverybody(ploneRole)) {
            everybodyRoles.add(ploneRole);
        }
        return PloneVocabulary.campusRole(ploneRole);
    }

    // ------------------------------------------------------------------ actions

    /** Ways that share a name (and a target) are one action, leaving from each of their states. */
    private List<ActionDef> actions(List<Way> ways, List<State> states) {
        Map<String, List<Way>> byName = new LinkedHashMap<>();
        Map<Way, String> rawNames = new IdentityHashMap<>();
        List<String> derived = new ArrayList<>();
        for (Way way : ways) {
            String raw = wayName(way);
            String id = raw == null ? null : Ids.of(raw);
            if (id == null) {
                id = Ids.of(way.fromName() + "_" + way.to().id);
                if (raw != null) {
                    warnings.add("transition '" + raw + "' has no letters or digits in its name; it is imported as '"
                            + id + "'");
                }
            } else if (!raw.equals(id)) {
                warnings.add("transition '" + raw + "' has the id '" + id + "' (ids are letters, digits, '_', '.' and '-')");
            }
            if (xmi.name(way.path().get(0).element()).isEmpty() && !derived.contains(id)) {
                derived.add(id);
            }
            rawNames.put(way, raw);
            byName.computeIfAbsent(id, n -> new ArrayList<>()).add(way);
        }
        if (!derived.isEmpty()) {
            warnings.add("transitions without a name were named after their trigger, or as <source>_<target>: "
                    + String.join(", ", derived));
        }
        Map<String, State> order = new LinkedHashMap<>();
        states.forEach(s -> order.put(s.id, s));
        Map<String, ActionDef> actions = new TreeMap<>();
        byName.forEach((id, group) -> {
            Way main = group.stream().filter(w -> w.path().stream().anyMatch(e -> Transitions.isPrimary(xmi,
                    e.element()))).findFirst().orElse(group.get(0));
            Map<State, List<Way>> byTarget = new LinkedHashMap<>();
            byTarget.put(main.to(), new ArrayList<>());
            group.forEach(w -> byTarget.computeIfAbsent(w.to(), t -> new ArrayList<>()).add(w));
            boolean first = true;
            for (Map.Entry<State, List<Way>> target : byTarget.entrySet()) {
                String actionId = first ? id : Ids.of(id + "_" + target.getKey().id);
                if (!first) {
                    warnings.add("transition '" + id + "' leads to '" + main.to().id + "' and to '"
                            + target.getKey().id + "'; a Campus action has one target, so the ways to '"
                            + target.getKey().id + "' became the action '" + actionId + "'");
                }
                while (actions.containsKey(actionId) || byName.containsKey(actionId) && !first) {
                    actionId = actionId + "_2";
                }
                actions.put(actionId, action(actionId, rawNames.get(target.getValue().get(0)),
                        first ? main : target.getValue().get(0), target.getValue(), order));
                first = false;
            }
        });
        return new ArrayList<>(actions.values());
    }

    /** A way's name: the first transition on it with a name, else the first trigger's. */
    private String wayName(Way way) {
        for (Edge edge : way.path()) {
            if (!xmi.name(edge.element()).isEmpty()) {
                return xmi.name(edge.element());
            }
        }
        for (Edge edge : way.path()) {
            String trigger = Transitions.triggerName(xmi, edge.element());
            if (trigger != null) {
                return trigger;
            }
        }
        return null;
    }

    /** The transition that speaks for a way: the first with a name, else the first with a trigger, else the first. */
    private Edge namingEdge(Way way) {
        for (Edge edge : way.path()) {
            if (!xmi.name(edge.element()).isEmpty()) {
                return edge;
            }
        }
        for (Edge edge : way.path()) {
            if (Transitions.triggerName(xmi, edge.element()) != null) {
                return edge;
            }
        }
        return way.path().get(0);
    }

    private ActionDef action(String id, String rawName, Way main, List<Way> ways, Map<String, State> order) {
        Set<String> fromIds = new HashSet<>();
        ways.forEach(w -> fromIds.add(w.from().id));
        List<String> from = order.keySet().stream().filter(fromIds::contains).toList();
        Map<String, String> tags = xmi.tags(namingEdge(main).element());
        String label = ArchGenXml.tag(tags, ArchGenXml.LABEL);
        String title = label != null ? label : rawName != null ? rawName : id;
        String description = ArchGenXml.tag(tags, ArchGenXml.DESCRIPTION);
        if (description == null) {
            description = ArchGenXml.tag(tags, ArchGenXml.DOCUMENTATION);
        }
        String triggerType = ArchGenXml.tag(tags, "trigger_type");
        if (triggerType != null && !triggerType.equalsIgnoreCase("user action") && !triggerType.equalsIgnoreCase("USER")) {
            warnings.add("transition '" + id + "': trigger type '" + triggerType
                    + "' is not supported; Campus offers it as a user action");
        }
        String url = ArchGenXml.tag(tags, "url");
        String icon = ArchGenXml.tag(tags, "icon");
        MenuEntry menu = url == null && icon == null ? null : new MenuEntry(title, url, "workflow", icon);
        for (Way way : ways) {
            for (Edge edge : way.path()) {
                for (String effect : Transitions.effects(xmi, edge.element())) {
                    warnings.add("transition '" + id + "': its effect '" + effect
                            + "' is not run by Campus and was dropped");
                }
            }
        }
        GuardDef guard = guard(id, main, ways);
        // The guard roles are who may perform the transition: Campus calls them the action's roles.
        return new ActionDef(id, truncate(title), description, from, main.to().id, guard.roles(),
                new GuardDef(List.of(), guard.permissions(), guard.expression(), false), menu, List.of(),
                ArchGenXml.translations(tags, ArchGenXml.LABEL, Languages.MAX_TITLE_LENGTH),
                ArchGenXml.translations(tags, ArchGenXml.DESCRIPTION, Languages.MAX_DESCRIPTION_LENGTH));
    }

    private GuardDef guard(String id, Way main, List<Way> ways) {
        String body = guardBody(main);
        for (Way way : ways) {
            String other = guardBody(way);
            if (body == null) {
                body = other;
            } else if (other != null && !other.equals(body)) {
                warnings.add("transition '" + id + "' is drawn with different guards ('" + body + "', '" + other
                        + "'); the first counts");
            }
        }
        if (body == null) {
            return GuardDef.none();
        }
        ArchGenXml.Guard guard = ArchGenXml.guard(body);
        if (!guard.conventional()) {
            warnings.add("transition '" + id + "': guard '" + body + "' is not written as ArchGenXML's"
                    + " guard_roles:...|guard_permissions:...|guard_expr:...; it is kept as an expression, not evaluated");
        } else if (guard.expression() != null) {
            warnings.add("transition '" + id + "': guard expression '" + guard.expression()
                    + "' is kept but not evaluated");
        }
        if (!guard.ignored().isEmpty()) {
            warnings.add("transition '" + id + "': guard parts " + guard.ignored() + " are not understood and were"
                    + " ignored");
        }
        List<String> roles = guard.roles().stream().map(this::campusRole).distinct().toList();
        List<String> permissions = guard.permissions().stream().map(PloneVocabulary::campusPermission).distinct()
                .toList();
        return new GuardDef(roles, permissions, guard.expression(), false);
    }

    /** The first guard along a way. */
    private String guardBody(Way way) {
        String found = null;
        for (Edge edge : way.path()) {
            String body = Transitions.guardBody(xmi, edge.element());
            if (body != null) {
                if (found == null) {
                    found = body;
                } else if (!found.equals(body)) {
                    warnings.add("a way through pseudostates has several guards ('" + found + "', '" + body
                            + "'); the first counts");
                }
            }
        }
        return found;
    }

    private void warnAboutUngrantedGuardPermissions(List<ActionDef> actions, List<PermissionMapping> mappings) {
        Set<String> grantable = new HashSet<>();
        mappings.forEach(m -> grantable.add(m.permission()));
        Set<String> warned = new HashSet<>();
        for (ActionDef action : actions) {
            for (String permission : action.guard().permissions()) {
                if (!grantable.contains(permission) && warned.add(permission)) {
                    warnings.add("guard permission '" + permission + "' (used by transition '" + action.id()
                            + "' and maybe others) is not managed by any state of this workflow; Plone grants it"
                            + " site-wide, Campus only when a state grants it to a role");
                }
            }
        }
    }

    // ------------------------------------------------------------------ worklists

    /** ArchGenXML's worklists: states tagged {@code worklist} with the same name form one. */
    private List<WorklistDef> worklists(List<State> states) {
        Map<String, List<State>> byName = new LinkedHashMap<>();
        for (State state : states) {
            String worklist = ArchGenXml.tag(stateTags.get(state), ArchGenXml.WORKLIST);
            if (worklist != null) {
                byName.computeIfAbsent(worklist, w -> new ArrayList<>()).add(state);
            }
        }
        List<WorklistDef> worklists = new ArrayList<>();
        byName.forEach((worklistName, members) -> {
            Map<String, String> first = stateTags.get(members.get(0));
            String permission = ArchGenXml.tag(first, ArchGenXml.WORKLIST_GUARD_PERMISSIONS);
            if (permission == null) {
                permission = ArchGenXml.DEFAULT_WORKLIST_PERMISSION;
            }
            List<String> permissions = permission.equalsIgnoreCase("false") ? List.of() : List.of(permission);
            List<String> roles = ArchGenXml.split(ArchGenXml.tag(first, ArchGenXml.WORKLIST_GUARD_ROLES));
            List<String> stateIds = members.stream().map(s -> s.id).toList();
            String url = "%(portal_url)s/search?review_state=" + String.join("&review_state=", stateIds);
            worklists.add(new WorklistDef(Ids.of(worklistName) == null ? "worklist" : Ids.of(worklistName),
                    worklistName, null, new MenuEntry("Pending " + worklistName, url, "global", null),
                    Map.of("review_state", stateIds),
                    new GuardDef(roles, permissions, ArchGenXml.tag(first, ArchGenXml.WORKLIST_GUARD_EXPRESSIONS),
                            false)));
        });
        return worklists;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TITLE ? text : text.substring(0, MAX_TITLE);
    }
}
