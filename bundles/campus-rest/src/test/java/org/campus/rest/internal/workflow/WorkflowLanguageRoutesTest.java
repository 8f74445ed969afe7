package org.campus.rest.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.rest.internal.http.FakeHttp;
import org.campus.rest.internal.http.TestServlets;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Titles in several languages over HTTP: the JSON format carries them, diagrams and the simulator
 * take {@code ?lang=}; every answer is checked against the OpenAPI document.
 */
class WorkflowLanguageRoutesTest {

    private static final String TRANSLATED = """
            {"title": "Review", "initialState": "draft",
             "states": [
               {"id": "draft", "title": "Draft", "titles": {"de": "Entwurf", "pt_BR": "Rascunho"},
                "descriptions": {"de": "Nur für den Autor"}, "permissions": {"author": ["view"]}},
               {"id": "published", "title": "Published"}],
             "actions": [
               {"id": "publish", "title": "Publish", "titles": {"de": "Veröffentlichen"}, "from": ["draft"],
                "to": "published", "roles": ["teacher"]}]}
            """;

    private final FakeWorkflowService service = new FakeWorkflowService();
    private final TestServlets t = new TestServlets(1024 * 1024, service);
    private final ObjectMapper mapper = new ObjectMapper();

    WorkflowLanguageRoutesTest() {
        t.keys.client("lms-workflow", "workflows", "workflow");
    }

    private FakeHttp.Response call(FakeHttp.Request r) throws Exception {
        return t.call(r.bearer("lms-workflow"));
    }

    private JsonNode json(FakeHttp.Response r) throws Exception {
        return mapper.readTree(r.body());
    }

    @Test
    void theJsonFormatCarriesTitlesAndDescriptionsByLanguage() throws Exception {
        FakeHttp.Response created = call(new FakeHttp.Request("POST", "/workflows").json(TRANSLATED));
        assertEquals(201, created.status, created.toString());
        StateDef draft = service.lastCreated.findState("draft").orElseThrow();
        assertEquals(Map.of("de", "Entwurf", "pt-BR", "Rascunho"), draft.titles(), "tags in their normal form");
        assertEquals("Nur für den Autor", draft.description("de-CH"));
        assertEquals("Veröffentlichen", service.lastCreated.findAction("publish").orElseThrow().title("de"));

        JsonNode body = json(created);
        assertEquals("Rascunho", body.get("states").get(0).get("titles").get("pt-BR").asText());
        assertFalse(body.get("states").get(1).has("titles"), "no translations: no field");
        assertFalse(body.get("states").get(1).has("descriptions"));
        long id = body.get("id").asLong();
        FakeHttp.Response exported = call(new FakeHttp.Request("GET", "/workflows/" + id + "/export/json"));
        assertEquals(200, exported.status, exported.toString());
        WorkflowDefinition again = new WorkflowJson(new org.campus.rest.internal.http.Json())
                .readDefinition(json(exported));
        assertEquals(service.lastCreated.states(), again.states(), "the export posted again gives the same states");
    }

    @Test
    void mistypedTranslationsAreNamed() throws Exception {
        FakeHttp.Response bad = call(new FakeHttp.Request("POST", "/workflows").json("""
                {"title": "T", "initialState": "a", "states": [{"id": "a", "titles": ["Entwurf"],
                 "descriptions": {"de": 5, "pt-BR": null}}]}
                """));
        assertEquals(400, bad.status, bad.toString());
        String errors = json(bad).get("errors").toString();
        assertTrue(errors.contains("states[0].titles") && errors.contains("states[0].descriptions.de"), errors);
        assertFalse(errors.contains("pt-BR"), "a null text is the validator's to judge: " + errors);
        assertFalse(service.calls.contains("create"));
    }

    @Test
    void diagramsTakeTheLanguageAndDcWorkflowIgnoresIt() throws Exception {
        long id = json(call(new FakeHttp.Request("POST", "/workflows").json(TRANSLATED))).get("id").asLong();

        FakeHttp.Response mermaid = call(new FakeHttp.Request("GET", "/workflows/" + id + "/export/mermaid")
                .param("lang", "de-AT"));
        assertEquals(200, mermaid.status, mermaid.toString());
        assertEquals("mermaid of Review in de-AT: Entwurf", mermaid.body());
        FakeHttp.Response dot = call(new FakeHttp.Request("GET", "/workflows/" + id + "/export")
                .param("format", "dot").param("lang", "pt-BR"));
        assertEquals("dot of Review in pt-BR: Rascunho", dot.body());
        FakeHttp.Response xml = call(new FakeHttp.Request("GET", "/workflows/" + id + "/export/dcworkflow"));
        assertEquals(200, xml.status, xml.toString());
        call(new FakeHttp.Request("GET", "/workflows/" + id + "/export").param("format", "dcworkflow")
                .param("lang", "de"));
        assertNull(service.lastLanguage, "DCWorkflow holds every language");

        FakeHttp.Response tooLong = call(new FakeHttp.Request("GET", "/workflows/" + id + "/export/mermaid")
                .param("lang", "x".repeat(36)));
        assertEquals(400, tooLong.status, tooLong.toString());
    }

    @Test
    void theSimulationTitlesItsStatesInTheLanguage() throws Exception {
        long id = json(call(new FakeHttp.Request("POST", "/workflows").json(TRANSLATED))).get("id").asLong();

        FakeHttp.Response r = call(new FakeHttp.Request("GET", "/workflows/" + id + "/simulation")
                .param("roles", "teacher").param("lang", "pt_br"));
        assertEquals(200, r.status, r.toString());
        JsonNode n = json(r);
        assertEquals("pt-BR", n.get("lang").asText());
        assertEquals("Rascunho", n.get("items").get(0).get("title").asText());
        assertEquals("Published", n.get("items").get(1).get("title").asText(), "untranslated: the default");
        assertEquals("pt_br", service.lastLanguage);

        FakeHttp.Response plain = call(new FakeHttp.Request("GET", "/workflows/" + id + "/simulation"));
        assertFalse(json(plain).has("lang"));
        assertEquals("Draft", json(plain).get("items").get(0).get("title").asText());

        FakeHttp.Response bad = call(new FakeHttp.Request("GET", "/workflows/" + id + "/simulation")
                .param("lang", "no tag"));
        assertEquals(400, bad.status, bad.toString());
        assertEquals("lang", json(bad).get("errors").get(0).get("field").asText());
    }
}
