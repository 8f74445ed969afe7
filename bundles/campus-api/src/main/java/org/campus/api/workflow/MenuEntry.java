package org.campus.api.workflow;

/**
 * How DCWorkflow offers a transition or a worklist in the user interface (its {@code <action>}
 * element): the label, the URL pattern, the menu category and the icon. Kept so that export
 * reproduces it.
 */
public record MenuEntry(String label, String url, String category, String icon) {
}
