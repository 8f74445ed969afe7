package org.campus.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * One state a record can be in.
 *
 * @param title the default title, shown in every language the state has no title of its own in
 * @param description the default description; may be {@code null}
 * @param permissions role name to the permissions that role holds in this state, e.g.
 *        {@code teacher -> [view]}; the role {@link WorkflowRoles#AUTHOR} stands for the record's
 *        author, who can always view the record whatever this map says
 * @param acquiredPermissions DCWorkflow only: the external permission names (see
 *        {@link PermissionMapping#externalName()}) whose roles are acquired from the container as
 *        well ({@code acquired="True"})
 * @param exitActions ids of the actions leaving this state in the order they are offered; actions
 *        leaving this state but not listed here follow in definition order. The actions'
 *        {@code from} decides where an action may start, this list only orders them.
 * @param titles the title in other languages, by language tag ({@code de}, {@code pt-BR}): tags are
 *        {@linkplain Languages#normalize normalised} and sorted; never {@code null}
 * @param descriptions the description in other languages, as {@code titles}; never {@code null}
 */
public record StateDef(String id, String title, String description, Map<String, List<String>> permissions,
        List<String> acquiredPermissions, List<String> exitActions, Map<String, String> titles,
        Map<String, String> descriptions) {

    public StateDef {
        permissions = Copies.mapOfLists(permissions);
        acquiredPermissions = Copies.list(acquiredPermissions);
        exitActions = Copies.list(exitActions);
        titles = Copies.texts(titles);
        descriptions = Copies.texts(descriptions);
    }

    /** A state with its texts in one language only: the canonical constructor of version 1.2. */
    public StateDef(String id, String title, String description, Map<String, List<String>> permissions,
            List<String> acquiredPermissions, List<String> exitActions) {
        this(id, title, description, permissions, acquiredPermissions, exitActions, Map.of(), Map.of());
    }

    public static StateDef of(String id, String title, String description, Map<String, List<String>> permissions) {
        return new StateDef(id, title, description, permissions, List.of(), List.of());
    }

    /**
     * The title in a language: its own, else that of the language it narrows, else the default.
     *
     * @param language a language tag; {@code null} for the default
     * @since 2.0
     */
    public String title(String language) {
        return Languages.resolve(titles, title, language);
    }

    /**
     * The description in a language, chosen as {@link #title(String)} is.
     *
     * @since 2.0
     */
    public String description(String language) {
        return Languages.resolve(descriptions, description, language);
    }

    /**
     * The same state with these translations.
     *
     * @since 2.0
     */
    public StateDef withTranslations(Map<String, String> newTitles, Map<String, String> newDescriptions) {
        return new StateDef(id, title, description, permissions, acquiredPermissions, exitActions, newTitles,
                newDescriptions);
    }
}
