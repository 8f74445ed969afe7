package org.campus.api.workflow;

/**
 * A DCWorkflow state variable, kept for export; Campus does not compute variables.
 *
 * @param defaultValue a literal default, typed by {@code defaultValueType} (e.g. {@code string})
 * @param defaultExpression a TALES default expression, kept verbatim and never evaluated
 */
public record VariableDef(String id, String description, boolean forCatalog, boolean forStatus,
        boolean updateAlways, String defaultValue, String defaultValueType, String defaultExpression,
        GuardDef guard) {

    public VariableDef {
        guard = guard == null ? GuardDef.none() : guard;
    }
}
