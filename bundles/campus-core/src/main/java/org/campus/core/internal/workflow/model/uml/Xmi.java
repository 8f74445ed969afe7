package org.campus.core.internal.workflow.model.uml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Read access to an XMI document of either generation, whatever tool wrote it.
 *
 * <p>Elements are matched by local name and {@code xmi:type}, never by namespace address: the
 * same metaclass comes as {@code UML:StateMachine} (XMI 1.1/1.2), as
 * {@code Behavioral_Elements.State_Machines.StateMachine} (XMI 1.0, where the package path is part
 * of the name), or as {@code <packagedElement xmi:type="uml:StateMachine">} (XMI 2), under a dozen
 * namespace addresses. A property is an attribute ({@code source="id"}), a child element named
 * after it ({@code <source xmi:idref="id"/>}, {@code <UML:Transition.source>...}) or a child
 * element that defines the value inline; ids are resolved across the whole document, from
 * {@code xmi.idref}, {@code xmi:idref} and {@code href="...#id"}.
 *
 * <p>Tagged values are gathered once, from every place tools put them: UML 1.x {@code TaggedValue}s
 * (by {@code tag}, or through their {@code TagDefinition}), XMI 2 stereotype applications
 * ({@code base_*} attributes), MOF tags, and the {@code taggedValue}/{@code tag} elements of
 * {@code xmi:Extension}s (Enterprise Architect, Visual Paradigm, Bouml).
 */
final class Xmi {

    /** The types XMI 2 lets a writer leave out when the element's property implies them. */
    private static final Map<String, String> IMPLIED_TYPES = Map.of(
            "region", "Region",
            "transition", "Transition",
            "trigger", "Trigger",
            "guard", "Constraint",
            "ownedRule", "Constraint",
            "connectionPoint", "Pseudostate");

    private final Document document;
    private final Map<String, Element> byId = new HashMap<>();
    /** Model elements (outside any extension) in document order. */
    private final List<Element> modelElements = new ArrayList<>();
    private final Map<Element, Map<String, String>> tags = new IdentityHashMap<>();
    private final Map<Element, Set<String>> appliedStereotypes = new IdentityHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int duplicateIds;
    private int unresolvedTagDefinitions;

    Xmi(Document document) {
        this.document = document;
        List<Element> extensionElements = new ArrayList<>();
        index(document.getDocumentElement(), false, extensionElements);
        for (Element e : extensionElements) {
            String id = xmiAttribute(e, "id");
            if (id != null && !id.isBlank()) {
                byId.putIfAbsent(id, e); // a tool's private copy never hides the model's element
            }
        }
        collectTagsAndStereotypes(extensionElements);
        if (duplicateIds > 0) {
            notes.add(duplicateIds + " xmi ids are used twice in this file; references go to the first");
        }
        if (unresolvedTagDefinitions > 0) {
            notes.add(unresolvedTagDefinitions + " tagged values refer to tag definitions outside this file (a"
                    + " profile of the modelling tool) and were ignored");
        }
    }

    private void index(Element element, boolean inExtension, List<Element> extensionElements) {
        boolean extension = inExtension || isExtension(element);
        if (extension) {
            extensionElements.add(element);
        } else {
            modelElements.add(element);
            String id = xmiAttribute(element, "id");
            if (id != null && !id.isBlank() && byId.putIfAbsent(id, element) != null) {
                duplicateIds++;
            }
            String uuid = xmiAttribute(element, "uuid");
            if (uuid != null && !uuid.isBlank()) {
                byId.putIfAbsent(uuid, element);
            }
        }
        for (Element child : children(element)) {
            index(child, extension, extensionElements);
        }
    }

    Document document() {
        return document;
    }

    /** What the whole file gave cause to say (duplicate ids, tag definitions out of reach). */
    List<String> notes() {
        return notes;
    }

    // ------------------------------------------------------------------ names and types

    static String localName(Node node) {
        String local = node.getLocalName();
        if (local != null) {
            return local;
        }
        String name = node.getNodeName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /**
     * The element's name without an XMI 1.0 package path: {@code StateMachine} for a class,
     * {@code StateMachine.top} for a property.
     */
    static String simpleName(Element element) {
        String local = localName(element);
        int dot = local.lastIndexOf('.');
        if (dot < 0 || dot == local.length() - 1) {
            return local;
        }
        if (Character.isUpperCase(local.charAt(dot + 1))) {
            return local.substring(dot + 1);
        }
        return local.substring(local.lastIndexOf('.', dot - 1) + 1);
    }

    /** The property a child element stands for: {@code source} for {@code UML:Transition.source} and {@code <source>}. */
    static String propertyName(Element element) {
        String simple = simpleName(element);
        int dot = simple.lastIndexOf('.');
        return dot < 0 ? simple : simple.substring(dot + 1);
    }

    /** The metaclass of a model element ({@code State}, {@code Pseudostate}, ...); null for properties and references. */
    String type(Element element) {
        String xmiType = xmiAttribute(element, "type");
        if (xmiType != null && !xmiType.isBlank()) {
            String type = xmiType.strip();
            return type.substring(type.lastIndexOf(':') + 1);
        }
        String simple = simpleName(element);
        if (simple.isEmpty() || simple.indexOf('.') >= 0) {
            return null;
        }
        if (Character.isUpperCase(simple.charAt(0))) {
            return simple;
        }
        return isDefinition(element) ? IMPLIED_TYPES.get(simple) : null;
    }

    static boolean hasType(String type, String... candidates) {
        if (type == null) {
            return false;
        }
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(type)) {
                return true;
            }
        }
        return false;
    }

    /** An element that defines something (it has an id), as opposed to one that only refers. */
    static boolean isDefinition(Element element) {
        String id = xmiAttribute(element, "id");
        return id != null && !id.isBlank();
    }

    static String id(Element element) {
        return xmiAttribute(element, "id");
    }

    /** {@code xmi:<name>} (XMI 2, any prefix bound to an XMI namespace) or {@code xmi.<name>} (XMI 1.x). */
    static String xmiAttribute(Element element, String name) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getNamespaceURI() == null) {
                if (attribute.getName().equals("xmi." + name)) {
                    return attribute.getValue();
                }
            } else if (localName(attribute).equals(name) && isXmiAttribute(attribute)) {
                return attribute.getValue();
            }
        }
        return null;
    }

    private static boolean isXmiAttribute(Attr attribute) {
        return "xmi".equalsIgnoreCase(attribute.getPrefix())
                || attribute.getNamespaceURI().toLowerCase(Locale.ROOT).contains("/xmi");
    }

    /** An attribute without a namespace, or null when absent. */
    static String plain(Element element, String name) {
        Attr attribute = element.getAttributeNodeNS(null, name);
        return attribute == null ? null : attribute.getValue();
    }

    static boolean isExtension(Element element) {
        String local = localName(element);
        return local.equals("Extension") || local.equalsIgnoreCase("XMI.extension")
                || local.equalsIgnoreCase("XMI.extensions");
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    /** The name of a model element: its {@code name} attribute, or its {@code ModelElement.name} child (XMI 1.0). */
    String name(Element element) {
        String name = plain(element, "name");
        if (name == null || name.isBlank()) {
            String child = childText(element, "name");
            if (child != null) {
                name = child;
            }
        }
        return name == null ? "" : name.strip();
    }

    /** An attribute-valued property: the attribute, else a child's {@code xmi.value} (XMI 1.0) or text. */
    String value(Element element, String property) {
        String value = plain(element, property);
        if (value != null) {
            return value;
        }
        for (Element child : children(element)) {
            if (propertyName(child).equals(property) && !isDefinition(child)) {
                String xmiValue = xmiAttribute(child, "value");
                return xmiValue != null ? xmiValue : child.getTextContent().strip();
            }
        }
        return null;
    }

    /** The text of a child property element without element content, or null. */
    static String childText(Element element, String property) {
        for (Element child : children(element)) {
            if (propertyName(child).equals(property) && children(child).isEmpty()) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }

    static boolean isTrue(String value) {
        return value != null && (value.strip().equalsIgnoreCase("true") || value.strip().equals("1"));
    }

    // ------------------------------------------------------------------ references

    /** The element with this id or {@code href} fragment, or null when it is not in this file. */
    Element resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String id = reference.strip();
        int hash = id.lastIndexOf('#');
        if (hash >= 0) {
            id = id.substring(hash + 1);
        }
        return byId.get(id);
    }

    /** What an element that only refers points to, or null when it defines rather than refers (or the target is elsewhere). */
    Element target(Element reference) {
        String idref = xmiAttribute(reference, "idref");
        if (idref != null) {
            return resolve(idref);
        }
        String href = plain(reference, "href");
        return href == null ? null : resolve(href);
    }

    private static boolean refers(Element element) {
        return xmiAttribute(element, "idref") != null || plain(element, "href") != null;
    }

    /**
     * The elements a property holds, in document order: the ids of an attribute, the targets of
     * child references, and elements defined inline.
     */
    List<Element> refs(Element element, String property) {
        List<Element> result = new ArrayList<>();
        String attribute = plain(element, property);
        if (attribute != null) {
            for (String token : attribute.strip().split("\\s+")) {
                Element target = resolve(token);
                if (target != null) {
                    result.add(target);
                }
            }
        }
        for (Element child : children(element)) {
            if (!propertyName(child).equals(property)) {
                continue;
            }
            if (refers(child)) {
                addIfPresent(result, target(child));
            } else if (isDefinition(child)) {
                result.add(child);
            } else {
                for (Element value : children(child)) {
                    if (refers(value)) {
                        addIfPresent(result, target(value));
                    } else if (isDefinition(value)) {
                        result.add(value);
                    }
                }
            }
        }
        return result;
    }

    /** The first element of a property, or null. */
    Element ref(Element element, String property) {
        List<Element> refs = refs(element, property);
        return refs.isEmpty() ? null : refs.get(0);
    }

    /** Whether a property names something that is not in this file (an {@code href} elsewhere). */
    boolean refersOutside(Element element, String property) {
        for (Element child : children(element)) {
            if (propertyName(child).equals(property)) {
                List<Element> candidates = refers(child) ? List.of(child) : children(child);
                for (Element candidate : candidates) {
                    if (refers(candidate) && target(candidate) == null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The first {@code href} of a property that points outside this file, or null. */
    private String outsideReference(Element element, String property) {
        for (Element child : children(element)) {
            if (propertyName(child).equals(property)) {
                List<Element> candidates = refers(child) ? List.of(child) : children(child);
                for (Element candidate : candidates) {
                    String href = plain(candidate, "href");
                    if (href != null && target(candidate) == null) {
                        return href;
                    }
                }
            }
        }
        return null;
    }

    private static void addIfPresent(List<Element> list, Element element) {
        if (element != null) {
            list.add(element);
        }
    }

    /** Model elements (with an id, outside extensions) whose type is one of these, in document order. */
    List<Element> definitionsOfType(String... types) {
        List<Element> result = new ArrayList<>();
        for (Element element : modelElements) {
            if (isDefinition(element) && hasType(type(element), types)) {
                result.add(element);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ tagged values and stereotypes

    /** Tag name to value, in the order the file gives them; a tag given twice keeps its last value. */
    Map<String, String> tags(Element element) {
        return tags.getOrDefault(element, Map.of());
    }

    /** Stereotype names applied to the element, however the tool wrote them. */
    Set<String> stereotypes(Element element) {
        Set<String> names = new LinkedHashSet<>(appliedStereotypes.getOrDefault(element, Set.of()));
        for (Element stereotype : refs(element, "stereotype")) {
            String name = name(stereotype);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private void collectTagsAndStereotypes(List<Element> extensionElements) {
        for (Element element : modelElements) {
            String type = type(element);
            if (hasType(type, "TaggedValue") && !refers(element)) {
                readUml1TaggedValue(element);
            } else if (hasType(type, "Tag") && plain(element, "element") != null) {
                readMofTag(element);
            } else if (hasType(type, "Stereotype") && isDefinition(element)) {
                for (Element extended : refs(element, "extendedElement")) { // XMI 1.0 lists what it applies to
                    stereotype(extended, name(element));
                }
            } else if (hasBaseAttribute(element)) {
                readStereotypeApplication(element);
            }
        }
        for (Element element : extensionElements) {
            readExtensionElement(element);
        }
    }

    private void readUml1TaggedValue(Element element) {
        Element owner = null;
        if (element.getParentNode() instanceof Element parent && propertyName(parent).equals("taggedValue")
                && parent.getParentNode() instanceof Element grandparent) {
            owner = grandparent;
        }
        if (owner == null) {
            owner = ref(element, "modelElement");
        }
        if (owner == null) {
            return;
        }
        String tag = plain(element, "tag");
        if (tag == null || tag.isBlank()) {
            tag = childText(element, "tag");
        }
        if (tag == null || tag.isBlank()) {
            Element definition = ref(element, "type");
            if (definition != null) {
                tag = name(definition);
            } else if (refersOutside(element, "type")) {
                tag = ProfileTags.name(outsideReference(element, "type"));
                if (tag == null) {
                    unresolvedTagDefinitions++;
                    return;
                }
            }
        }
        if (tag == null || tag.isBlank()) {
            tag = name(element);
        }
        if (tag.isBlank()) {
            return;
        }
        String value = plain(element, "value");
        if (value == null) {
            value = childText(element, "value");
        }
        if (value == null) {
            List<String> data = new ArrayList<>();
            for (Element child : children(element)) {
                if (propertyName(child).equals("dataValue")) {
                    data.add(child.getTextContent().strip());
                }
            }
            for (Element referenced : refs(element, "referenceValue")) {
                data.add(name(referenced));
            }
            value = String.join(", ", data);
        }
        tag(owner, tag, value);
    }

    private void readMofTag(Element element) {
        String tag = plain(element, "name");
        if (tag == null || tag.isBlank()) {
            return;
        }
        String value = plain(element, "value");
        for (Element owner : refs(element, "element")) {
            tag(owner, tag, value == null ? "" : value);
        }
    }

    private static boolean hasBaseAttribute(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getNamespaceURI() == null && attribute.getName().startsWith("base_")) {
                return true;
            }
        }
        return false;
    }

    /** {@code <Profile:primary base_Transition="id" label="..."/>}: the stereotype, and its properties as tags. */
    private void readStereotypeApplication(Element application) {
        List<Element> owners = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        NamedNodeMap attributes = application.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getNamespaceURI() != null) {
                continue;
            }
            if (attribute.getName().startsWith("base_")) {
                for (String token : attribute.getValue().strip().split("\\s+")) {
                    addIfPresent(owners, resolve(token));
                }
            } else {
                values.put(attribute.getName(), attribute.getValue());
            }
        }
        for (Element child : children(application)) {
            if (isExtension(child)) {
                continue;
            }
            String value = refers(child) ? nameOrEmpty(target(child)) : child.getTextContent().strip();
            values.merge(localName(child), value, (a, b) -> a + ", " + b);
        }
        for (Element owner : owners) {
            stereotype(owner, localName(application));
            values.forEach((tag, value) -> tag(owner, tag, value));
        }
    }

    private void readExtensionElement(Element element) {
        String local = localName(element).toLowerCase(Locale.ROOT);
        if (local.equals("taggedvalue") || local.equals("tag")) {
            String tag = firstNonBlank(plain(element, "tag"), plain(element, "name"), plain(element, "key"),
                    childText(element, "tag"), childText(element, "name"), childText(element, "key"));
            if (tag == null) {
                return;
            }
            String value = plain(element, "value");
            if (value == null) {
                value = childText(element, "value");
            }
            if (value == null && children(element).isEmpty()) {
                value = element.getTextContent().strip();
            }
            if ("<memo>".equals(value) && plain(element, "notes") != null) {
                value = plain(element, "notes"); // Enterprise Architect keeps long values in notes
            }
            Element owner = ref(element, "modelElement");
            if (owner == null) {
                owner = extensionOwner(element);
            }
            if (owner != null) {
                tag(owner, tag, value == null ? "" : value);
            }
        } else if (local.equals("appliedstereotype")) { // Visual Paradigm: a reference to the stereotype
            Element stereotype = resolve(xmiAttribute(element, "value"));
            Element owner = extensionOwner(element);
            if (stereotype != null && owner != null) {
                stereotype(owner, name(stereotype));
            }
        } else if (plain(element, "stereotype") != null && !plain(element, "stereotype").isBlank()) {
            Element owner = extensionOwner(element); // Enterprise Architect: <properties stereotype="..."/>
            if (owner != null) {
                for (String name : plain(element, "stereotype").split("[,;]")) {
                    stereotype(owner, name.strip());
                }
            }
        }
    }

    /**
     * The model element an extension element describes: the nearest enclosing element that refers
     * to one ({@code <element xmi:idref="...">}), else the element that holds the extension.
     */
    private Element extensionOwner(Element element) {
        Node node = element.getParentNode();
        while (node instanceof Element ancestor) {
            if (isExtension(ancestor)) {
                Node holder = ancestor.getParentNode();
                return holder instanceof Element model && isDefinition(model) ? model : null;
            }
            String idref = xmiAttribute(ancestor, "idref");
            if (idref == null) {
                idref = plain(ancestor, "idref");
            }
            if (idref != null) {
                return resolve(idref);
            }
            node = ancestor.getParentNode();
        }
        return null;
    }

    private void tag(Element owner, String tag, String value) {
        Map<String, String> ownTags = tags.computeIfAbsent(owner, o -> new LinkedHashMap<>());
        String name = tag.strip();
        ownTags.remove(name); // a repeated tag counts where it was given last
        ownTags.put(name, value == null ? "" : value.strip());
    }

    private void stereotype(Element owner, String name) {
        if (!name.isBlank()) {
            appliedStereotypes.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(name);
        }
    }

    private String nameOrEmpty(Element element) {
        return element == null ? "" : name(element);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the file as a whole

    /** The tool that wrote the file, as it says in the header, or null. */
    String exporter() {
        for (Element element : modelElements) {
            String local = localName(element);
            if (local.endsWith("exporter") && children(element).isEmpty()) {
                String text = element.getTextContent().strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
            if (local.equals("Documentation") && plain(element, "exporter") != null) {
                return plain(element, "exporter").strip();
            }
        }
        return null;
    }

    /**
     * The names of XMI 1.x diagrams by the model element that owns them (Poseidon names a state
     * machine only through its diagram).
     */
    Map<Element, String> diagramNamesByOwner() {
        Map<Element, String> names = new IdentityHashMap<>();
        for (Element diagram : definitionsOfType("Diagram")) {
            String name = name(diagram);
            if (name.isEmpty()) {
                continue;
            }
            for (Element owner : refs(diagram, "owner")) {
                Element target = owner;
                String type = type(owner);
                if (type != null && type.contains("SemanticModelBridge")) {
                    target = ref(owner, "element");
                }
                if (target != null) {
                    names.putIfAbsent(target, name);
                }
            }
        }
        return names;
    }
}
