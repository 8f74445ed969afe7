package org.campus.core.internal.workflow.model.uml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Element;

/** What a transition says besides where it goes: its trigger, its guard and its effect. */
final class Transitions {

    private static final int MAX_EXPRESSION_DEPTH = 8;

    private Transitions() {
    }

    /**
     * The name a transition's trigger gives it: the signal of a signal event, the operation of a
     * call event, else the event's own name, else the trigger's. Null when there is none.
     */
    static String triggerName(Xmi xmi, Element transition) {
        for (Element trigger : xmi.refs(transition, "trigger")) {
            String name = triggerOrEventName(xmi, trigger);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String triggerOrEventName(Xmi xmi, Element element) {
        String type = xmi.type(element);
        if (type != null && type.toLowerCase(Locale.ROOT).endsWith("event")) {
            return eventName(xmi, element); // UML 1.x: the trigger is the event
        }
        for (Element event : xmi.refs(element, "event")) {
            String name = eventName(xmi, event);
            if (name != null) {
                return name;
            }
        }
        String name = firstNamed(xmi, element, "signal");
        if (name == null) {
            name = firstNamed(xmi, element, "operation");
        }
        if (name == null && !xmi.name(element).isEmpty()) {
            name = xmi.name(element);
        }
        return name;
    }

    private static String eventName(Xmi xmi, Element event) {
        String name = firstNamed(xmi, event, "signal");
        if (name == null) {
            name = firstNamed(xmi, event, "operation");
        }
        if (name == null && !xmi.name(event).isEmpty()) {
            name = xmi.name(event);
        }
        return name;
    }

    private static String firstNamed(Xmi xmi, Element element, String property) {
        for (Element target : xmi.refs(element, property)) {
            if (!xmi.name(target).isEmpty()) {
                return xmi.name(target);
            }
        }
        return null;
    }

    /** The text of the transition's guard (UML 1.x boolean expression, UML 2 constraint specification), or null. */
    static String guardBody(Xmi xmi, Element transition) {
        for (Element guard : xmi.refs(transition, "guard")) {
            String body = expression(xmi, guard, 0);
            if (body != null) {
                return body;
            }
        }
        return null;
    }

    /** The first expression text in an element: a {@code body} attribute or element, a literal's value. */
    static String expression(Xmi xmi, Element element, int depth) {
        if (depth > MAX_EXPRESSION_DEPTH) {
            return null;
        }
        String body = nonBlank(Xmi.plain(element, "body"));
        if (body != null) {
            return body;
        }
        for (Element child : Xmi.children(element)) {
            if (Xmi.propertyName(child).equals("body") && Xmi.children(child).isEmpty()) {
                body = nonBlank(child.getTextContent());
                if (body != null) {
                    return body;
                }
            }
        }
        String type = xmi.type(element);
        if (type != null && type.startsWith("Literal")) {
            body = nonBlank(Xmi.plain(element, "value"));
            if (body != null) {
                return body;
            }
        }
        if (Xmi.hasType(type, "Expression")) {
            body = nonBlank(Xmi.plain(element, "symbol"));
            if (body != null) {
                return body;
            }
        }
        for (Element specification : xmi.refs(element, "specification")) {
            body = expression(xmi, specification, depth + 1);
            if (body != null) {
                return body;
            }
        }
        for (Element child : Xmi.children(element)) {
            if (!Xmi.isExtension(child) && !Xmi.propertyName(child).equals("ownedComment")
                    && xmi.target(child) == null) {
                body = expression(xmi, child, depth + 1);
                if (body != null) {
                    return body;
                }
            }
        }
        return null;
    }

    /** The effects of a transition by name (or text), for the warning that Campus does not run them. */
    static List<String> effects(Xmi xmi, Element transition) {
        List<String> effects = new ArrayList<>();
        for (Element effect : xmi.refs(transition, "effect")) {
            String name = xmi.name(effect);
            if (name.isEmpty()) {
                name = expression(xmi, effect, 0);
            }
            effects.add(name == null ? "(unnamed)" : name);
        }
        return effects;
    }

    /** Entry, exit and do behaviours of a state, by what they are. */
    static List<String> behaviours(Xmi xmi, Element state) {
        List<String> behaviours = new ArrayList<>();
        for (String property : List.of("entry", "exit", "doActivity")) {
            for (Element behaviour : xmi.refs(state, property)) {
                String name = xmi.name(behaviour);
                behaviours.add(property + (name.isEmpty() ? "" : " '" + name + "'"));
            }
        }
        return behaviours;
    }

    static boolean isPrimary(Xmi xmi, Element transition) {
        return xmi.stereotypes(transition).stream().anyMatch(s -> s.equalsIgnoreCase("primary"));
    }

    private static String nonBlank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
