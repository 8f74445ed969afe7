package org.campus.core.internal.workflow.model.uml;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * One UML state machine as a graph Campus can run: states a record can be in, and the ways
 * (compound transitions) from one state to another.
 *
 * <ul>
 * <li>A composite state with one region is flattened: its substates become states; a transition
 * into it leads where its region's initial pseudostate points; a transition leaving it leaves
 * from each of its substates. Without an initial pseudostate the composite stays a state of its
 * own beside its substates.</li>
 * <li>A composite state with two or more regions (concurrent, orthogonal) cannot be flattened,
 * since a record is in one state at a time: it becomes one state, and what is inside it (and the
 * transitions between those) is left out.</li>
 * <li>Choice, junction, fork, join, history, entry and exit points are not states: every way
 * through them from a state to a state becomes one candidate action.</li>
 * <li>An initial pseudostate marks the initial state: by its name when it names a state (as
 * ArchGenXML models do), else by where its transition leads.</li>
 * </ul>
 */
final class MachineGraph {

    /** More ways than this through pseudostates means the drawing is not a workflow. */
    static final int MAX_PATHS = 10_000;
    private static final int MAX_PATH_LENGTH = 100;

    enum Kind {
        STATE, FINAL, TERMINATE, INITIAL, CHOICE, JUNCTION, FORK, JOIN, SHALLOW_HISTORY, DEEP_HISTORY,
        ENTRY_POINT, EXIT_POINT, SYNCH, CONNECTION_POINT_REFERENCE, MACHINE_AS_STATE
    }

    enum Structure { SIMPLE, FLATTENED, KEPT, ORTHOGONAL }

    /** Something drawn in the machine: a state or a pseudostate. */
    static final class Vertex {
        final Element element;
        final Kind kind;
        final String name;
        final Vertex owner;
        final Element region;
        final List<Edge> outgoing = new ArrayList<>();
        final List<Edge> incoming = new ArrayList<>();
        Structure structure = Structure.SIMPLE;
        Vertex entry;
        /** Initial pseudostates only: the state it is named after. */
        State alias;
        /** Initial pseudostates only: ArchGenXML reads a named one with transitions of its own as a state. */
        boolean actsAsState;
        State state;

        Vertex(Element element, Kind kind, String name, Vertex owner, Element region) {
            this.element = element;
            this.kind = kind;
            this.name = name;
            this.owner = owner;
            this.region = region;
        }

        String label() {
            String what = switch (kind) {
                case STATE, MACHINE_AS_STATE -> "state";
                case FINAL -> "final state";
                case TERMINATE -> "terminate pseudostate";
                case INITIAL -> "initial pseudostate";
                case CHOICE -> "choice pseudostate";
                case JUNCTION -> "junction pseudostate";
                case FORK -> "fork pseudostate";
                case JOIN -> "join pseudostate";
                case SHALLOW_HISTORY -> "shallow history pseudostate";
                case DEEP_HISTORY -> "deep history pseudostate";
                case ENTRY_POINT -> "entry point";
                case EXIT_POINT -> "exit point";
                case SYNCH -> "synch state";
                case CONNECTION_POINT_REFERENCE -> "connection point reference";
            };
            return name.isEmpty() ? "an unnamed " + what : what + " '" + name + "'";
        }
    }

    /** A transition as drawn. */
    record Edge(Element element, Vertex source, Vertex target) {
    }

    /** A state of the workflow: one or more vertices with the same name. */
    static final class State {
        final String id;
        final String name;
        final List<Vertex> vertices = new ArrayList<>();

        State(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /**
     * One way from a state to a state: the transitions followed, in order.
     *
     * @param from the state it starts from
     * @param fromName the name the way's source gives it when it has no name of its own (the
     *        composite state for a transition that leaves one)
     */
    record Way(State from, String fromName, State to, List<Edge> path) {
    }

    private final Xmi xmi;
    private final Element machine;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final List<Vertex> vertices = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, State> states = new LinkedHashMap<>();
    private final List<Way> ways = new ArrayList<>();
    private int unnamedStates;
    private String failure;

    MachineGraph(Xmi xmi, Element machine) {
        this.xmi = xmi;
        this.machine = machine;
        collect(machine, null, null, false, false);
    }

    Element machine() {
        return machine;
    }

    List<Vertex> vertices() {
        return vertices;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    Set<String> warnings() {
        return warnings;
    }

    /** Why the machine cannot be imported, or null. */
    String failure() {
        return failure;
    }

    // ------------------------------------------------------------------ what is drawn

    private void collect(Element parent, Vertex owner, Element region, boolean concurrentParent, boolean top) {
        for (Element child : Xmi.children(parent)) {
            if (Xmi.isExtension(child)) {
                continue;
            }
            String type = xmi.type(child);
            if (type == null) {
                if (!Xmi.isDefinition(child)) {
                    // a property element (subvertex, StateMachine.top, ...): what it holds counts
                    collect(child, owner, region, concurrentParent, Xmi.propertyName(child).equals("top"));
                }
                continue;
            }
            if (!Xmi.isDefinition(child) || Xmi.hasType(type, "StateMachine", "ProtocolStateMachine")) {
                continue; // a reference, or a machine of its own
            }
            if (Xmi.hasType(type, "Region")) {
                collect(child, owner, child, false, false);
                continue;
            }
            if (Xmi.hasType(type, "CompositeState") && (top || concurrentParent)) {
                // UML 1.x: the machine's top state, or a region of a concurrent composite state
                collect(child, owner, child, Xmi.isTrue(xmi.value(child, "isConcurrent")), false);
                continue;
            }
            Kind kind = kindOf(child, type);
            if (kind == null) {
                continue; // transitions, triggers, constraints, behaviours, comments
            }
            boolean connectionPoint = kind == Kind.ENTRY_POINT || kind == Kind.EXIT_POINT;
            Vertex vertex = new Vertex(child, kind, xmi.name(child), owner, connectionPoint ? null : region);
            vertices.add(vertex);
            if (kind == Kind.STATE) {
                collect(child, vertex, child, Xmi.isTrue(xmi.value(child, "isConcurrent")), false);
            }
        }
    }

    private Kind kindOf(Element element, String type) {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "state", "simplestate", "compositestate", "submachinestate", "stubstate" -> {
                return Kind.STATE;
            }
            case "subactivitystate", "actionstate", "objectflowstate", "callstate" -> {
                warn("'" + xmi.name(element) + "' is an activity-graph " + type + "; it is imported as a state");
                return Kind.STATE;
            }
            case "finalstate" -> {
                return Kind.FINAL;
            }
            case "synchstate" -> {
                return Kind.SYNCH;
            }
            case "connectionpointreference" -> {
                return Kind.CONNECTION_POINT_REFERENCE;
            }
            case "pseudostate" -> {
                return pseudostateKind(element);
            }
            default -> {
                return null;
            }
        }
    }

    private Kind pseudostateKind(Element element) {
        String kind = xmi.value(element, "kind");
        // UML 2 makes "initial" the default; UML 1.3 tools wrote pk_initial
        String normal = kind == null || kind.isBlank() ? "initial" : kind.strip().toLowerCase(Locale.ROOT);
        if (normal.startsWith("pk_")) {
            normal = normal.substring(3);
        }
        return switch (normal) {
            case "initial" -> Kind.INITIAL;
            case "deephistory" -> Kind.DEEP_HISTORY;
            case "shallowhistory" -> Kind.SHALLOW_HISTORY;
            case "join" -> Kind.JOIN;
            case "fork" -> Kind.FORK;
            case "junction" -> Kind.JUNCTION;
            case "choice", "branch" -> Kind.CHOICE;
            case "entrypoint" -> Kind.ENTRY_POINT;
            case "exitpoint" -> Kind.EXIT_POINT;
            case "terminate" -> Kind.TERMINATE;
            case "final" -> Kind.FINAL;
            default -> {
                warn("pseudostate '" + xmi.name(element) + "' is of unknown kind '" + kind + "'; it is read as a junction");
                yield Kind.JUNCTION;
            }
        };
    }

    /**
     * A state machine used as a state of this one (Enterprise Architect draws submachine states
     * so): it becomes a simple state.
     */
    Vertex machineAsState(Element other) {
        for (Vertex vertex : vertices) {
            if (vertex.element == other) {
                return vertex;
            }
        }
        Vertex vertex = new Vertex(other, Kind.MACHINE_AS_STATE, xmi.name(other), null, null);
        vertices.add(vertex);
        warn("state machine '" + vertex.name + "' is used as a state (a submachine state); it is imported as a"
                + " simple state, its own states are not inlined");
        return vertex;
    }

    void addEdge(Element transition, Vertex source, Vertex target) {
        Edge edge = new Edge(transition, source, target);
        edges.add(edge);
        source.outgoing.add(edge);
        target.incoming.add(edge);
    }

    // ------------------------------------------------------------------ what it means

    /** Works out states and ways; afterwards {@link #failure()} says why not, when it cannot. */
    void analyse() {
        if (vertices.isEmpty()) {
            failure = "it has no states";
            return;
        }
        analyseComposites();
        nameStates();
        if (states.isEmpty()) {
            failure = "it has no states, only pseudostates";
            return;
        }
        reportPseudostates();
        for (Edge edge : edges) {
            if (edge.source().kind == Kind.INITIAL && !isNamedOrTriggered(edge)) {
                continue; // the initial transition, even from a pseudostate named after its state
            }
            List<Vertex> starts = starts(edge.source());
            if (starts.isEmpty()) {
                continue;
            }
            if (!follow(edge.target(), new ArrayList<>(List.of(edge)), starts, fromName(edge.source()))) {
                failure = "its transitions through pseudostates make more than " + MAX_PATHS + " ways between states";
                ways.clear();
                return;
            }
        }
    }

    private void analyseComposites() {
        Map<Vertex, List<Vertex>> children = new IdentityHashMap<>();
        for (Vertex vertex : vertices) {
            if (vertex.owner != null) {
                children.computeIfAbsent(vertex.owner, o -> new ArrayList<>()).add(vertex);
            }
        }
        for (Vertex vertex : vertices) {
            if (vertex.kind != Kind.STATE) {
                continue;
            }
            if (Xmi.hasType(xmi.type(vertex.element), "SubmachineState")
                    || (xmi.value(vertex.element, "submachine") != null)) {
                warn("state '" + vertex.name + "' refers to a submachine, which is not inlined; it is imported as"
                        + " a simple state");
            }
            List<Vertex> inside = children.getOrDefault(vertex, List.of());
            Set<Element> regions = new LinkedHashSet<>();
            inside.forEach(v -> {
                if (v.region != null) {
                    regions.add(v.region);
                }
            });
            if (regions.size() >= 2) {
                vertex.structure = Structure.ORTHOGONAL;
            } else if (regions.size() == 1) {
                vertex.entry = inside.stream().filter(v -> v.kind == Kind.INITIAL).findFirst().orElse(null);
                vertex.structure = vertex.entry != null && !vertex.entry.outgoing.isEmpty()
                        ? Structure.FLATTENED : Structure.KEPT;
            }
        }
        for (Vertex vertex : vertices) {
            if (vertex.kind != Kind.STATE || representative(vertex) != vertex) {
                continue;
            }
            switch (vertex.structure) {
                case ORTHOGONAL -> warn("composite state '" + vertex.name + "' has "
                        + regionCount(vertex, children) + " concurrent regions, which Campus cannot flatten (a record"
                        + " is in one state at a time): it is imported as one state; what is inside it ("
                        + names(descendants(vertex, children)) + ") and the transitions between those are left out");
                case FLATTENED -> warn("composite state '" + vertex.name + "' was flattened: its substates ("
                        + names(children.getOrDefault(vertex, List.of()).stream().filter(v -> v.kind != Kind.INITIAL)
                        .toList()) + ") became states; transitions into it lead where its initial pseudostate"
                        + " points, transitions leaving it leave from each of its substates");
                case KEPT -> warn("composite state '" + vertex.name + "' was flattened, but its region has no initial"
                        + " pseudostate to say which substate is entered: it stays a state of its own beside its"
                        + " substates (" + names(children.getOrDefault(vertex, List.of())) + "), and transitions"
                        + " leaving it leave from each of them too");
                default -> { }
            }
        }
    }

    private static int regionCount(Vertex vertex, Map<Vertex, List<Vertex>> children) {
        Set<Element> regions = new LinkedHashSet<>();
        children.getOrDefault(vertex, List.of()).forEach(v -> {
            if (v.region != null) {
                regions.add(v.region);
            }
        });
        return regions.size();
    }

    private static List<Vertex> descendants(Vertex vertex, Map<Vertex, List<Vertex>> children) {
        List<Vertex> result = new ArrayList<>();
        for (Vertex child : children.getOrDefault(vertex, List.of())) {
            result.add(child);
            result.addAll(descendants(child, children));
        }
        return result;
    }

    private static String names(List<Vertex> list) {
        List<String> names = list.stream().map(v -> v.name.isEmpty() ? "unnamed " + v.kind.name()
                .toLowerCase(Locale.ROOT).replace('_', ' ') : v.name).distinct().toList();
        List<String> shown = names.stream().limit(12).toList();
        return String.join(", ", shown) + (names.size() > shown.size() ? " and " + (names.size() - shown.size())
                + " more" : "");
    }

    /** The vertex itself, or the outermost orthogonal composite state it lies in. */
    static Vertex representative(Vertex vertex) {
        Vertex result = vertex;
        for (Vertex ancestor = vertex.owner; ancestor != null; ancestor = ancestor.owner) {
            if (ancestor.structure == Structure.ORTHOGONAL) {
                result = ancestor;
            }
        }
        return result;
    }

    private boolean isStateDrawing(Vertex vertex) {
        return switch (vertex.kind) {
            case STATE -> vertex.structure != Structure.FLATTENED;
            case FINAL, TERMINATE, MACHINE_AS_STATE -> true;
            case INITIAL -> vertex.actsAsState;
            default -> false;
        };
    }

    private void nameStates() {
        for (Vertex vertex : vertices) {
            if (representative(vertex) == vertex && vertex.kind != Kind.INITIAL && isStateDrawing(vertex)) {
                addToState(vertex);
            }
        }
        for (Vertex vertex : vertices) {
            if (vertex.kind != Kind.INITIAL || representative(vertex) != vertex || vertex.name.isEmpty()) {
                continue;
            }
            State named = states.get(Ids.of(vertex.name));
            if (named != null) {
                vertex.alias = named; // modellers name the initial pseudostate after the real state
            } else if (behavesAsState(vertex)) {
                vertex.actsAsState = true;
                addToState(vertex);
                warn("initial pseudostate '" + vertex.name + "' names no state but has transitions of its own;"
                        + " as in ArchGenXML it is imported as the state '" + vertex.state.id + "'");
            }
        }
    }

    private boolean behavesAsState(Vertex initial) {
        if (!initial.incoming.isEmpty() || !xmi.tags(initial.element).isEmpty()) {
            return true;
        }
        return initial.outgoing.stream().anyMatch(this::isNamedOrTriggered);
    }

    /** A transition that says what it does: by its name or its trigger. */
    boolean isNamedOrTriggered(Edge edge) {
        return !xmi.name(edge.element()).isEmpty() || Transitions.triggerName(xmi, edge.element()) != null;
    }

    private void addToState(Vertex vertex) {
        String id = Ids.of(vertex.name);
        if (id == null) {
            id = switch (vertex.kind) {
                case FINAL -> "final";
                case TERMINATE -> "terminate";
                default -> "state_" + (++unnamedStates);
            };
            if (vertex.kind == Kind.STATE || vertex.kind == Kind.MACHINE_AS_STATE) {
                warn((vertex.name.isEmpty() ? "a state has no name" : "state '" + vertex.name
                        + "' has no letters or digits in its name") + "; it is imported as '" + id + "'");
            }
        } else if (!vertex.name.equals(id)) {
            warn("state '" + vertex.name + "' has the id '" + id + "' (ids are letters, digits, '_', '.' and '-')");
        }
        State state = states.get(id);
        if (state == null) {
            state = new State(id, vertex.name);
            states.put(id, state);
        } else if (state.vertices.size() == 1) {
            warn("state '" + id + "' is drawn more than once; states with the same name are one state");
        }
        state.vertices.add(vertex);
        vertex.state = state;
    }

    private void reportPseudostates() {
        for (Vertex vertex : vertices) {
            String inside = representative(vertex) != vertex
                    ? "; it lies inside '" + representative(vertex).name + "', whose inside is left out" : "";
            switch (vertex.kind) {
                case FINAL, TERMINATE -> warn(capitalized(vertex.label()) + " is imported as a state that no action"
                        + " leaves" + inside);
                case CHOICE, JUNCTION -> warn(capitalized(vertex.label()) + " is not a state: each way through it"
                        + " from one state to another became an action of its own" + inside);
                case FORK, JOIN -> warn(capitalized(vertex.label()) + " is not a state, and parallel branches cannot"
                        + " be kept (a record is in one state at a time): each way through it became an action of"
                        + " its own" + inside);
                case SHALLOW_HISTORY, DEEP_HISTORY -> warn(capitalized(vertex.label()) + ": Campus keeps no state"
                        + " history; a transition into it goes on along its default transition" + inside);
                case ENTRY_POINT, EXIT_POINT, CONNECTION_POINT_REFERENCE, SYNCH -> warn(capitalized(vertex.label())
                        + " is not a state: transitions pass through it" + inside);
                default -> { }
            }
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The states a transition leaves from: none for a pseudostate, whose transitions continue others. */
    private List<Vertex> starts(Vertex source) {
        Vertex representative = representative(source);
        if (representative != source) {
            return List.of(representative);
        }
        switch (source.kind) {
            case STATE -> {
                if (source.structure == Structure.FLATTENED || source.structure == Structure.KEPT) {
                    List<Vertex> starts = new ArrayList<>();
                    if (source.structure == Structure.KEPT) {
                        starts.add(source);
                    }
                    for (Vertex vertex : vertices) {
                        if (vertex.state != null && vertex.kind != Kind.INITIAL && isInside(vertex, source)) {
                            starts.add(vertex);
                        }
                    }
                    return starts;
                }
                return List.of(source);
            }
            case FINAL, TERMINATE, MACHINE_AS_STATE -> {
                return List.of(source);
            }
            case INITIAL -> {
                if (source.alias != null) {
                    return List.of(source.alias.vertices.get(0));
                }
                return source.actsAsState ? List.of(source) : List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    private static boolean isInside(Vertex vertex, Vertex composite) {
        for (Vertex ancestor = vertex.owner; ancestor != null; ancestor = ancestor.owner) {
            if (ancestor == composite) {
                return true;
            }
        }
        return false;
    }

    /** The name a way takes from its source when it has none: the composite it leaves, or the state. */
    private String fromName(Vertex source) {
        Vertex representative = representative(source);
        if (representative != source) {
            return representative.state.id;
        }
        if (source.kind == Kind.INITIAL && source.alias != null) {
            return source.alias.id;
        }
        if (source.state != null) {
            return source.state.id;
        }
        String id = Ids.of(source.name);
        return id == null ? "state" : id;
    }

    /** Follows a way to the states it reaches; false once there are too many ways. */
    private boolean follow(Vertex target, List<Edge> path, List<Vertex> starts, String fromName) {
        if (path.size() > MAX_PATH_LENGTH) {
            warn("a way through " + MAX_PATH_LENGTH + " pseudostates was cut off");
            return true;
        }
        Vertex representative = representative(target);
        if (representative != target) {
            return arrive(representative, path, starts, fromName);
        }
        if (target.kind == Kind.INITIAL && target.alias != null) {
            return arrive(target.alias.vertices.get(0), path, starts, fromName);
        }
        if (target.state != null) {
            return arrive(target, path, starts, fromName);
        }
        List<Edge> next;
        if (target.kind == Kind.STATE) { // a flattened composite state: enter it where its initial pseudostate points
            next = target.entry.outgoing;
        } else {
            if (target.kind == Kind.INITIAL) {
                warn("a transition leads into " + target.label() + "; it goes on along the pseudostate's transition");
            }
            next = target.outgoing;
            if (next.isEmpty()) {
                Vertex owner = target.owner;
                boolean passesToOwner = owner != null && switch (target.kind) {
                    case SHALLOW_HISTORY, DEEP_HISTORY, ENTRY_POINT, EXIT_POINT, CONNECTION_POINT_REFERENCE -> true;
                    default -> false;
                };
                if (passesToOwner) {
                    return follow(owner, path, starts, fromName);
                }
                warn("a transition leads to " + target.label() + ", which leads nowhere; that way is left out");
                return true;
            }
        }
        for (Edge edge : next) {
            if (path.contains(edge)) {
                warn("transitions through " + target.label() + " go round in a circle; that way is left out");
                continue;
            }
            path.add(edge);
            boolean more = follow(edge.target(), path, starts, fromName);
            path.remove(path.size() - 1);
            if (!more) {
                return false;
            }
        }
        return true;
    }

    private boolean arrive(Vertex end, List<Edge> path, List<Vertex> starts, String fromName) {
        Edge first = path.get(0);
        boolean startAbsorbed = representative(first.source()) != first.source();
        for (Vertex start : starts) {
            if (startAbsorbed && start == end) {
                continue; // a transition inside a concurrent composite state that is imported as one state
            }
            if (ways.size() >= MAX_PATHS) {
                return false;
            }
            ways.add(new Way(start.state, fromName, end.state, List.copyOf(path)));
        }
        return true;
    }

    // ------------------------------------------------------------------ results

    /** States in document order. */
    List<State> states() {
        return new ArrayList<>(states.values());
    }

    List<Way> ways() {
        return ways;
    }

    /** The top-level initial pseudostates (of the machine's first region that has one). */
    List<Vertex> topInitials() {
        List<Vertex> initials = new ArrayList<>();
        Element region = null;
        for (Vertex vertex : vertices) {
            if (vertex.kind == Kind.INITIAL && vertex.owner == null) {
                if (region == null) {
                    region = vertex.region;
                } else if (vertex.region != region) {
                    continue;
                }
                initials.add(vertex);
            }
        }
        return initials;
    }

    /** The first state a way from this initial pseudostate reaches, or null. */
    State initialTarget(Vertex initial) {
        for (Way way : ways) {
            if (way.path().get(0).source() == initial) {
                return way.to();
            }
        }
        for (Edge edge : initial.outgoing) {
            List<Way> found = new ArrayList<>();
            collectTargets(edge.target(), new ArrayList<>(List.of(edge)), found);
            if (!found.isEmpty()) {
                return found.get(0).to();
            }
        }
        return null;
    }

    private void collectTargets(Vertex target, List<Edge> path, List<Way> found) {
        if (!found.isEmpty() || path.size() > MAX_PATH_LENGTH) {
            return;
        }
        Vertex representative = representative(target);
        if (representative != target) {
            found.add(new Way(null, null, representative.state, List.copyOf(path)));
            return;
        }
        if (target.kind == Kind.INITIAL && target.alias != null) {
            found.add(new Way(null, null, target.alias, List.copyOf(path)));
            return;
        }
        if (target.state != null) {
            found.add(new Way(null, null, target.state, List.copyOf(path)));
            return;
        }
        List<Edge> next = target.kind == Kind.STATE ? target.entry.outgoing : target.outgoing;
        if (next.isEmpty() && target.owner != null) {
            collectTargets(target.owner, path, found);
            return;
        }
        for (Edge edge : next) {
            if (!path.contains(edge)) {
                path.add(edge);
                collectTargets(edge.target(), path, found);
                path.remove(path.size() - 1);
            }
        }
    }
}
