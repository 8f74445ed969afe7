package org.campus.api.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void tagsAreNormalisedAndWhatNamesNoLanguageIsRefused() {
        assertEquals(Optional.of("de"), Languages.normalize("DE"));
        assertEquals(Optional.of("pt-BR"), Languages.normalize("pt_br"));
        assertEquals(Optional.of("zh-Hant-TW"), Languages.normalize("zh-hant-tw"));
        for (String bad : new String[] {null, "", " ", "x", "und", "x-private", "de-", "not a tag", "12",
                "a".repeat(Languages.MAX_TAG_LENGTH + 1)}) {
            assertTrue(Languages.normalize(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void lookupTruncatesTheTagAsRfc4647Says() {
        assertEquals(List.of("zh-Hant-TW", "zh-Hant", "zh"), Languages.fallbacks("zh-Hant-TW"));
        assertEquals(List.of("de-CH-1996", "de-CH", "de"), Languages.fallbacks("de-ch-1996"));
        assertEquals(List.of(), Languages.fallbacks("???"));
    }

    @Test
    void aTextFallsBackToTheLanguageItNarrowsThenToTheDefault() {
        Map<String, String> titles = Map.of("de", "Entwurf", "pt-BR", "Rascunho");
        assertEquals("Entwurf", Languages.resolve(titles, "Draft", "de-AT"));
        assertEquals("Rascunho", Languages.resolve(titles, "Draft", "pt_BR"));
        assertEquals("Draft", Languages.resolve(titles, "Draft", "pt"), "pt-BR does not stand for pt");
        assertEquals("Draft", Languages.resolve(titles, "Draft", "fr"));
        assertEquals("Draft", Languages.resolve(titles, "Draft", null));
        assertEquals("Draft", Languages.resolve(titles, "Draft", "not a tag"));
        assertEquals("Draft", Languages.resolve(Map.of("de", " "), "Draft", "de"), "a blank translation is none");
    }

    @Test
    void statesAndActionsKeepTheirTranslationsNormalisedAndSorted() {
        StateDef s = StateDef.of("draft", "Draft", "Not public yet", Map.of())
                .withTranslations(Map.of("FR", "Brouillon", "de", "Entwurf"), Map.of("de", "Noch nicht öffentlich"));
        assertEquals(List.of("de", "fr"), List.copyOf(s.titles().keySet()));
        assertEquals("Brouillon", s.title("fr-CA"));
        assertEquals("Not public yet", s.description("fr"));
        assertEquals("Noch nicht öffentlich", s.description("de"));

        ActionDef a = ActionDef.of("publish", "Publish", null, List.of("draft"), "published", List.of("teacher"))
                .withTranslations(Map.of("de", "Veröffentlichen"), Map.of());
        WorkflowDefinition d = WorkflowDefinition.of("W", null, "draft", List.of(s,
                StateDef.of("published", "Published", null, Map.of())), List.of(a));
        assertEquals(List.of("de", "fr"), List.copyOf(d.languages()));
        WorkflowDefinition german = d.localized("de");
        assertEquals("Entwurf", german.states().get(0).title());
        assertEquals("Published", german.states().get(1).title());
        assertEquals("Veröffentlichen", german.actions().get(0).title());
        assertEquals(s.titles(), german.states().get(0).titles(), "the translations are kept");
        assertEquals(d, d.localized(null));
    }

    @Test
    void twoSpellingsOfOneLanguageAreBothKeptForTheValidatorToName() {
        Map<String, String> titles = StateDef.of("a", "A", null, Map.of())
                .withTranslations(Map.of("DE", "Eins", "de", "Zwei"), Map.of()).titles();
        assertEquals(Map.of("DE", "Eins", "de", "Zwei"), titles);
    }
}
