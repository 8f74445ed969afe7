package org.campus.api.workflow;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language tags (BCP 47) under which states and actions carry their titles and descriptions
 * in other languages, and how a text is chosen for a language: its own translation, else that of
 * the language it narrows ({@code de-AT}, then {@code de}), else the default text.
 *
 * @since 2.0
 */
public final class Languages {

    /** The longest tag accepted: RFC 5646 (4.4.1) finds 35 characters enough for any language, script, region and variant. */
    public static final int MAX_TAG_LENGTH = 35;

    /** How many languages one state or action may carry titles (and, apart, descriptions) in. */
    public static final int MAX_LANGUAGES = 50;

    /** The longest translated title, as long as a default title may be. */
    public static final int MAX_TITLE_LENGTH = 255;

    /** The longest translated description. */
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;

    private Languages() {
    }

    /**
     * The tag in its normal form ({@code de}, {@code pt-BR}, {@code zh-Hant-TW}): subtags in their
     * registry's case, {@code _} read as {@code -}. A tag must be well-formed BCP 47 and start with
     * a language of two or three letters other than {@code und}: private-use tags and bare scripts or
     * regions name no language a title could be written in.
     *
     * @return empty for {@code null}, blank, too long or ill-formed tags
     */
    public static Optional<String> normalize(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
            return Optional.empty();
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        String language = locale.getLanguage();
        if (language.length() < 2 || language.length() > 3 || language.equals("und")) {
            return Optional.empty();
        }
        return Optional.of(locale.toLanguageTag());
    }

    /**
     * The tags a text is looked up under, most specific first, as RFC 4647's lookup truncates:
     * {@code zh-Hant-TW}, {@code zh-Hant}, {@code zh}. Empty for a tag {@link #normalize} refuses.
     */
    public static List<String> fallbacks(String tag) {
        List<String> tags = new ArrayList<>();
        String current = normalize(tag).orElse(null);
        while (current != null) {
            tags.add(current);
            int cut = current.lastIndexOf('-');
            if (cut < 0) {
                break;
            }
            current = current.substring(0, cut);
            int singleton = current.lastIndexOf('-');
            if (singleton >= 0 && singleton == current.length() - 2) {
                current = current.substring(0, singleton); // an extension's singleton never ends a tag
            }
        }
        return tags;
    }

    /**
     * The text for a language: the translation of the tag or of the first of its
     * {@link #fallbacks} that has one, else {@code defaultText}. A {@code null} language, or one
     * {@link #normalize} refuses, gives {@code defaultText}.
     *
     * @param texts translations by normalised tag, as states and actions hold them
     */
    public static String resolve(Map<String, String> texts, String defaultText, String language) {
        if (language == null || texts.isEmpty()) {
            return defaultText;
        }
        for (String tag : fallbacks(language)) {
            String text = texts.get(tag);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return defaultText;
    }
}
