package org.campus.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * An action that moves a record from one of the {@code from} states to the {@code to} state
 * (a DCWorkflow transition).
 *
 * @param title the default title, shown in every language the action has no title of its own in
 * @param description the default description; may be {@code null}
 * @param from the states the action can start from, at least one
 * @param roles who may perform the action; the role {@link WorkflowRoles#AUTHOR} stands for the
 *        record's author
 * @param guard further conditions; never {@code null}
 * @param menu DCWorkflow only: how the transition is offered in the UI; may be {@code null}
 * @param notifications the mails sent once the action was performed; never {@code null}
 * @param titles the title in other languages, by language tag ({@code de}, {@code pt-BR}): tags are
 *        {@linkplain Languages#normalize normalised} and sorted; never {@code null}
 * @param descriptions the description in other languages, as {@code titles}; never {@code null}
 */
public record ActionDef(String id, String title, String description, List<String> from, String to,
        List<String> roles, GuardDef guard, MenuEntry menu, List<Notification> notifications,
        Map<String, String> titles, Map<String, String> descriptions) {

    public ActionDef {
        from = Copies.list(from);
        roles = Copies.list(roles);
        guard = guard == null ? GuardDef.none() : guard;
        notifications = Copies.list(notifications);
        titles = Copies.texts(titles);
        descriptions = Copies.texts(descriptions);
    }

    /** An action with its texts in one language only: the canonical constructor of version 1.2. */
    public ActionDef(String id, String title, String description, List<String> from, String to,
            List<String> roles, GuardDef guard, MenuEntry menu, List<Notification> notifications) {
        this(id, title, description, from, to, roles, guard, menu, notifications, Map.of(), Map.of());
    }

    /** An action without notifications. */
    public ActionDef(String id, String title, String description, List<String> from, String to,
            List<String> roles, GuardDef guard, MenuEntry menu) {
        this(id, title, description, from, to, roles, guard, menu, List.of());
    }

    /** The same action with these notifications. */
    public ActionDef withNotifications(List<Notification> newNotifications) {
        return new ActionDef(id, title, description, from, to, roles, guard, menu, newNotifications, titles,
                descriptions);
    }

    /**
     * The same action with these translations.
     *
     * @since 2.0
     */
    public ActionDef withTranslations(Map<String, String> newTitles, Map<String, String> newDescriptions) {
        return new ActionDef(id, title, description, from, to, roles, guard, menu, notifications, newTitles,
                newDescriptions);
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

    public static ActionDef of(String id, String title, String description, List<String> from, String to,
            List<String> roles) {
        return new ActionDef(id, title, description, from, to, roles, GuardDef.none(), null);
    }
}
