package org.campus.core.internal.workflow.model;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;

/**
 * Renders a workflow as Graphviz DOT: one node per state labelled with its title, a point-shaped
 * start node pointing at the initial state, one edge per action and from-state labelled with the
 * action's title. Every id and label is a quoted DOT string.
 */
public final class DotDiagram {

    public String render(WorkflowDefinition definition) {
        Set<String> stateIds = new HashSet<>();
        definition.states().stream().filter(Objects::nonNull).map(StateDef::id).filter(Objects::nonNull)
                .forEach(stateIds::add);
        String graphName = definition.id() != null ? definition.id()
                : Objects.requireNonNullElse(definition.title(), "workflow");
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(graphName)).append(" {\n");
        out.append("  rankdir=LR;\n");
        out.append("  node [shape=box, style=rounded];\n");
        for (StateDef state : definition.states()) {
            if (state != null && state.id() != null) {
                String title = state.title() == null || state.title().isBlank() ? state.id() : state.title();
                out.append("  ").append(quote(state.id())).append(" [label=").append(quote(title)).append("];\n");
            }
        }
        if (definition.initialState() != null) {
            String start = "__start";
            while (stateIds.contains(start)) {
                start = "_" + start;
            }
            out.append("  ").append(quote(start)).append(" [shape=point, label=\"\"];\n");
            out.append("  ").append(quote(start)).append(" -> ").append(quote(definition.initialState())).append(";\n");
        }
        for (ActionDef action : definition.actions()) {
            if (action == null || action.to() == null) {
                continue;
            }
            String label = quote(Objects.requireNonNullElse(action.title(), String.valueOf(action.id())));
            for (String from : action.from()) {
                if (from != null) {
                    out.append("  ").append(quote(from)).append(" -> ").append(quote(action.to()))
                            .append(" [label=").append(label).append("];\n");
                }
            }
        }
        return out.append("}\n").toString();
    }

    /**
     * A DOT double-quoted string. Backslashes are doubled because Graphviz reads {@code \n},
     * {@code \l}, {@code \N} and the like inside labels; line breaks become {@code \n}.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
