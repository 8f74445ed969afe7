package org.campus.core.internal.workflow.model.uml;

import java.util.Map;

/**
 * Tag definitions that models refer to outside their own file. ArgoUML writes a tagged value whose
 * tag is defined in a loaded profile as {@code <UML:TagDefinition href="<profile>#<id>"/>}; the
 * profile is not in the archive, so the tag's name is known only by its id. These are the ids of
 * the workflow tags in ArchGenXML's profile for ArgoUML ({@code umltools/argouml/archgenxml_profile.xmi}),
 * which Plone modellers load.
 */
final class ProfileTags {

    private static final Map<String, String> ARCHGENXML = Map.ofEntries(
            Map.entry("f4b0dc8d-c356-549e-9e52-f9707bc63456", "access"),
            Map.entry("d44755dd-3562-5da2-a853-ecccfb4931d7", "view"),
            Map.entry("174da344-26dc-595c-803b-ca3ca428307c", "modify"),
            Map.entry("01a4a639-6620-52e1-b926-14cf8e16197a", "Modify"),
            Map.entry("8bec5d7c-ae2e-5fd8-b932-bd35351f7dd7", "list"),
            Map.entry("63f91ec8-7920-5d3a-b484-c5c9fb57e997", "add"),
            Map.entry("720d9d78-4d5d-5154-ad92-a5c038eecd2e", "delete"),
            Map.entry("915c7b9e-99f0-5505-b1aa-8d47131a48c2", "role"),
            Map.entry("6a144cf1-0cef-5f92-a510-3354ed00672f", "review"),
            Map.entry("38f1d8e0-f856-54b2-8a21-63acb019fc71", "inactive"),
            Map.entry("51a494e5-1680-57f5-8a5d-46c6420d8171", "label"),
            Map.entry("7516c4a4-be49-5b65-915b-821de7a9827e", "description"),
            Map.entry("06cc251a-3b6d-543c-a12a-e15a44b4a9bb", "documentation"),
            Map.entry("9d8a6170-0631-5007-b5d8-e989b76fb478", "initial_state"),
            Map.entry("b09615e4-106a-5880-bd69-999e82eb1a1a", "worklist"),
            Map.entry("56dbc2ca-5320-557d-955c-c1a8bc4ca890", "worklist:guard_permissions"),
            Map.entry("ca24a83b-6d7b-53a4-9d83-1a222c4359f4", "worklist:guard_roles"),
            Map.entry("7b92cbee-0e2c-5154-aaec-cee6b5df64eb", "worklist:guard_expressions"),
            Map.entry("2b2a0416-a967-5fd5-b124-d147cc19c523", "trigger_type"),
            Map.entry("68cf4007-2425-520e-b6fd-a58bf5517dc3", "url"),
            Map.entry("193db458-2520-5e4f-a323-8a618631c544", "icon"),
            Map.entry("f41e0899-3d7a-5014-bace-b038ea82655b", "state_var"));

    private ProfileTags() {
    }

    /** The tag name for a reference into a known profile ({@code ...#id}), or null. */
    static String name(String href) {
        if (href == null) {
            return null;
        }
        int hash = href.lastIndexOf('#');
        return ARCHGENXML.get(hash < 0 ? href.strip() : href.substring(hash + 1).strip());
    }
}
