package org.campus.core.internal.workflow.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;

/**
 * Renders a workflow as a Mermaid {@code stateDiagram-v2}: one node per state labelled with its
 * title, the initial state marked with {@code [*]}, one edge per action and from-state labelled
 * with the action's title.
 */
public final class MermaidDiagram {

    private static final Set<String> KEYWORDS = Set.of("state", "note", "direction", "end", "as", "class",
            "classdef", "style", "click", "default", "left", "right", "of");

    public String render(WorkflowDefinition definition) {
        Map<String, String> nodeIds = new LinkedHashMap<>();
        Set<String> usedNodeIds = new HashSet<>();
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        for (StateDef state : definition.states()) {
            if (state != null && state.id() != null && !nodeIds.containsKey(state.id())) {
                String nodeId = nodeId(state.id(), nodeIds, usedNodeIds);
                String title = state.title() == null || state.title().isBlank() ? state.id() : state.title();
                out.append("    state \"").append(escape(title)).append("\" as ").append(nodeId).append('\n');
            }
        }
        if (definition.initialState() != null) {
            out.append("    [*] --> ").append(nodeId(definition.initialState(), nodeIds, usedNodeIds)).append('\n');
        }
        for (ActionDef action : definition.actions()) {
            if (action == null || action.to() == null) {
                continue;
            }
            String label = escape(Objects.requireNonNullElse(action.title(), String.valueOf(action.id())));
            for (String from : action.from()) {
                if (from != null) {
                    out.append("    ").append(nodeId(from, nodeIds, usedNodeIds)).append(" --> ")
                            .append(nodeId(action.to(), nodeIds, usedNodeIds)).append(" : ").append(label).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * Mermaid state names are plain identifiers: anything else becomes '_', keywords and clashes
     * get a suffix. States the definition does not declare still get a node, so a broken
     * definition can be looked at.
     */
    private static String nodeId(String stateId, Map<String, String> nodeIds, Set<String> used) {
        return nodeIds.computeIfAbsent(stateId, id -> {
            String base = id.replaceAll("[^A-Za-z0-9_]", "_");
            if (base.isEmpty() || Character.isDigit(base.charAt(0))
                    || KEYWORDS.contains(base.toLowerCase(Locale.ROOT))) {
                base = "s_" + base;
            }
            String candidate = base;
            for (int n = 2; !used.add(candidate); n++) {
                candidate = base + "_" + n;
            }
            return candidate;
        });
    }

    /** Mermaid's entity codes for what would end or confuse a label; line breaks become spaces. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '#' -> out.append("#35;");
                case '"' -> out.append("#quot;");
                case ';' -> out.append("#59;");
                case ':' -> out.append("#58;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '{' -> out.append("#123;");
                case '}' -> out.append("#125;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
