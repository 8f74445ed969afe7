package org.campus.core.internal.workflow.model.uml;

import java.text.Normalizer;

/**
 * Campus ids from UML names. Plone models name states and transitions as ids already
 * ({@code pending}, {@code submit}); other models use any text ({@code Pending review},
 * {@code Prüfung}), which becomes {@code Pending_review} and {@code Prufung}.
 */
final class Ids {

    static final int MAX_LENGTH = 100;

    private Ids() {
    }

    /** The id for a name, or null when nothing of it is left (a name of punctuation only). */
    static String of(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        String plain = Normalizer.normalize(stripped, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String id = plain.replaceAll("[^A-Za-z0-9_.-]+", "_");
        if (!stripped.startsWith("_")) {
            id = id.replaceAll("^_+", "");
        }
        if (!stripped.endsWith("_")) {
            id = id.replaceAll("_+$", "");
        }
        id = id.replaceAll("^[.-]+", "");
        if (id.length() > MAX_LENGTH) {
            id = id.substring(0, MAX_LENGTH);
        }
        return id.isEmpty() ? null : id;
    }

    /** Whether the name is its own id (warnings say so when a name had to change). */
    static boolean isId(String name) {
        return name != null && name.equals(of(name));
    }
}
