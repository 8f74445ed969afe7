package org.campus.api.workflow;

/**
 * Ties a permission name of an imported workflow (e.g. Plone's {@code Modify portal content}) to
 * the Campus permission it means (e.g. {@code edit}). Several external names may map to the same
 * Campus permission; export writes each external name back with the roles holding its Campus
 * permission.
 */
public record PermissionMapping(String externalName, String permission) {
}
