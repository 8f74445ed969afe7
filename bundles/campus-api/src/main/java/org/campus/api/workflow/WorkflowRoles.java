package org.campus.api.workflow;

/** Role names with a fixed meaning inside workflow definitions. */
public final class WorkflowRoles {

    /**
     * Not a role anybody is assigned: it stands for the author of the record at hand. Granting a
     * permission or an action to {@code author} grants it to whoever created the record, whatever
     * their other roles. (Plone calls this local role {@code Owner}.)
     */
    public static final String AUTHOR = "author";

    private WorkflowRoles() {
    }
}
