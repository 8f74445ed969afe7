package org.campus.core.internal.workflow.model.uml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ImportResult;
import org.campus.core.internal.workflow.model.SecureXmlParser;
import org.campus.core.internal.workflow.model.WorkflowValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Imports the state machines of a UML model: plain XMI of either generation ({@code .xmi},
 * {@code .uml}, {@code .xml}, {@code .mdxml}) or a {@code .zargo}/{@code .zuml} archive holding one
 * {@code .xmi}. One workflow per state machine, wherever it is owned (a class, a package, the
 * model), named after the machine, or after its diagram where the tool cannot name machines
 * (Poseidon). Every workflow comes validated and with the warnings that concern it; a machine that
 * cannot be imported is named in the others' warnings, and when none can, the import fails saying
 * why for each.
 *
 * <p>The XML parser refuses DTDs (so no entity is ever declared or expanded) and archives are
 * checked before anything in them is inflated (see {@link XmiArchive}).
 */
public final class UmlImport {

    /** The input field named when the file itself is at fault. */
    public static final String BODY_FIELD = "body";

    /** Deep package hierarchies and tool extensions nest far deeper than DCWorkflow. */
    static final int MAX_DEPTH = 400;

    private final WorkflowValidator validator = new WorkflowValidator();

    /**
     * @return one import per importable state machine, in document order; the definition's id is
     *         the workflow's key (the machine's name as an id)
     * @throws InvalidInputException field {@value #BODY_FIELD}: empty, not a readable archive,
     *         not well-formed XML, a DOCTYPE, not XMI, no state machine, or none that can be imported
     */
    public List<ImportResult> importModel(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(BODY_FIELD, "is empty; an XMI file or a .zargo/.zuml archive is required");
        }
        Document document;
        SecureXmlParser parser = new SecureXmlParser(BODY_FIELD, MAX_DEPTH);
        if (XmiArchive.looksLikeZip(bytes)) {
            XmiArchive.Entry entry = new XmiArchive(BODY_FIELD, bytes).openXmi();
            try (InputStream in = entry.stream()) {
                document = parser.parse(new InputSource(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // closing an in-memory stream
            }
        } else {
            document = parser.parse(new InputSource(new ByteArrayInputStream(bytes)));
        }
        return read(document);
    }

    private List<ImportResult> read(Document document) {
        Element root = document.getDocumentElement();
        if (!Xmi.localName(root).equals("XMI") && Xmi.xmiAttribute(root, "version") == null
                && Xmi.id(root) == null) {
            throw new InvalidInputException(BODY_FIELD, "is not XMI: the root element is <" + root.getTagName()
                    + ">; a UML model exported as XMI (root <XMI> or <xmi:XMI>) is required");
        }
        Xmi xmi = new Xmi(document);
        List<Element> machines = xmi.definitionsOfType("StateMachine", "ProtocolStateMachine");
        if (machines.isEmpty()) {
            String exporter = xmi.exporter();
            throw new InvalidInputException(BODY_FIELD, "is an XMI file" + (exporter == null ? "" : " from "
                    + exporter) + " without any UML state machine: draw the workflow as a state machine (state"
                    + " diagram) and export it again");
        }
        Map<Element, MachineGraph> graphs = new IdentityHashMap<>();
        Map<Element, MachineGraph.Vertex> vertices = new IdentityHashMap<>();
        Map<MachineGraph.Vertex, MachineGraph> graphOf = new IdentityHashMap<>();
        List<MachineGraph> ordered = new ArrayList<>();
        for (Element machine : machines) {
            MachineGraph graph = new MachineGraph(xmi, machine);
            graphs.put(machine, graph);
            ordered.add(graph);
            for (MachineGraph.Vertex vertex : graph.vertices()) {
                vertices.put(vertex.element, vertex);
                graphOf.put(vertex, graph);
            }
        }
        Set<Element> usedAsStates = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element transition : xmi.definitionsOfType("Transition")) {
            Element source = xmi.ref(transition, "source");
            Element target = xmi.ref(transition, "target");
            if (target == null && transition.getParentNode() instanceof Element parent
                    && Xmi.propertyName(parent).equals("internalTransition")) {
                target = source; // UML 1.x internal transitions have no target: they stay
            }
            MachineGraph.Vertex from = source == null ? null : vertices.get(source);
            MachineGraph.Vertex to = target == null ? null : vertices.get(target);
            MachineGraph graph = from != null ? graphOf.get(from) : to != null ? graphOf.get(to) : null;
            if (graph == null) {
                continue; // not part of any state machine
            }
            if (from == null && source != null && graphs.containsKey(source)) {
                from = register(graph.machineAsState(source), graph, vertices, graphOf, usedAsStates);
            }
            if (to == null && target != null && graphs.containsKey(target)) {
                to = register(graph.machineAsState(target), graph, vertices, graphOf, usedAsStates);
            }
            String name = xmi.name(transition);
            String what = name.isEmpty() ? "a transition" : "transition '" + name + "'";
            if (from == null || to == null) {
                graph.warn(what + " has no " + (from == null ? "source" : "target")
                        + " in this state machine; it was left out");
            } else if (graphOf.get(from) != graphOf.get(to)) {
                graph.warn(what + " connects two state machines; it was left out");
            } else {
                graph.addEdge(transition, from, to);
            }
        }
        Map<Element, String> diagramNames = xmi.diagramNamesByOwner();
        List<ImportResult> results = new ArrayList<>();
        List<FieldError> failures = new ArrayList<>();
        List<String> notImported = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        int position = 0;
        for (MachineGraph graph : ordered) {
            position++;
            if (graph.vertices().stream().allMatch(v -> v.kind == MachineGraph.Kind.MACHINE_AS_STATE)
                    && usedAsStates.contains(graph.machine())) {
                continue; // only drawn as a state of another machine, which says so
            }
            String name = machineName(xmi, graph, diagramNames, position);
            String label = "state machine '" + name + "'";
            graph.analyse();
            if (graph.failure() != null) {
                failures.add(new FieldError(BODY_FIELD, label + " cannot be imported: " + graph.failure()));
                notImported.add(label + " was not imported: " + graph.failure());
                continue;
            }
            String key = Ids.of(name);
            if (key == null) {
                key = "state_machine_" + position;
            }
            ImportResult result = new WorkflowAssembly(xmi, graph, key, name).assemble();
            List<FieldError> errors = validator.validate(result.workflow());
            if (!errors.isEmpty()) {
                String problems = String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
                failures.add(new FieldError(BODY_FIELD, label + " cannot be imported: " + problems));
                notImported.add(label + " was not imported: " + problems);
                continue;
            }
            if (!keys.add(key)) {
                result = withWarning(result, "another state machine of this file is also named '" + key + "'");
            }
            results.add(result);
        }
        if (results.isEmpty()) {
            throw new InvalidInputException(failures);
        }
        List<ImportResult> finished = new ArrayList<>();
        for (ImportResult result : results) {
            List<String> warnings = new ArrayList<>(result.warnings());
            warnings.addAll(notImported);
            warnings.addAll(xmi.notes());
            // one line each: names and guards from the model may hold line breaks
            finished.add(new ImportResult(result.workflow(),
                    warnings.stream().map(w -> w.replaceAll("\\s*[\\r\\n]+\\s*", " ")).toList()));
        }
        return finished;
    }

    private static MachineGraph.Vertex register(MachineGraph.Vertex vertex, MachineGraph graph,
            Map<Element, MachineGraph.Vertex> vertices, Map<MachineGraph.Vertex, MachineGraph> graphOf,
            Set<Element> usedAsStates) {
        vertices.putIfAbsent(vertex.element, vertex);
        graphOf.put(vertex, graph);
        usedAsStates.add(vertex.element);
        return vertex;
    }

    /**
     * The diagram's name where a diagram owns the machine (Poseidon cannot name machines, and
     * ArchGenXML names the workflow after the diagram), else the machine's name, else its
     * context's, else a number.
     */
    private static String machineName(Xmi xmi, MachineGraph graph, Map<Element, String> diagramNames, int position) {
        Element machine = graph.machine();
        String diagram = diagramNames.get(machine);
        if (diagram != null) {
            if (!xmi.name(machine).isEmpty() && !xmi.name(machine).equals(diagram)) {
                graph.warn("the state machine '" + xmi.name(machine) + "' is named after its diagram, '" + diagram
                        + "', as ArchGenXML names workflows");
            }
            return diagram;
        }
        if (!xmi.name(machine).isEmpty()) {
            return xmi.name(machine);
        }
        Element context = xmi.ref(machine, "context");
        if (context == null && machine.getParentNode() instanceof Element parent) {
            context = owner(xmi, parent);
        }
        String name = context == null || xmi.name(context).isEmpty() ? "state_machine_" + position
                : xmi.name(context) + "_workflow";
        graph.warn("the state machine has no name and no diagram names it; it is called '" + name + "'");
        return name;
    }

    private static Element owner(Xmi xmi, Element element) {
        for (Element e = element; e != null; e = e.getParentNode() instanceof Element p ? p : null) {
            if (Xmi.isDefinition(e) && xmi.type(e) != null && !xmi.name(e).isEmpty()) {
                return e;
            }
        }
        return null;
    }

    private static ImportResult withWarning(ImportResult result, String warning) {
        List<String> warnings = new ArrayList<>(result.warnings());
        warnings.add(warning);
        return new ImportResult(result.workflow(), warnings);
    }
}
