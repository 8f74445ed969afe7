package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ImportResult;
import org.junit.jupiter.api.Test;

class DcWorkflowXmlSecurityTest {

    private final DcWorkflowXml xml = new DcWorkflowXml();

    private InvalidInputException refused(String source) {
        return assertThrows(InvalidInputException.class,
                () -> xml.importDefinition(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8))));
    }

    private static void assertRefusedDoctype(InvalidInputException e) {
        assertEquals(1, e.errors().size());
        assertEquals("body", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("DOCTYPE"), e.errors().get(0).message());
    }

    @Test
    void billionLaughsIsRefusedNotExpanded() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE dc-workflow [" + entities + "]>"
                + "<dc-workflow workflow_id=\"w\" title=\"&lol9;\" initial_state=\"a\"/>";

        assertRefusedDoctype(refused(bomb));
    }

    @Test
    void externalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE dc-workflow [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<dc-workflow workflow_id=\"w\" title=\"&xxe;\" initial_state=\"a\"/>";

        assertRefusedDoctype(refused(xxe));
    }

    @Test
    void externalParameterEntityAndExternalDtdAreRefused() {
        assertRefusedDoctype(refused("<?xml version=\"1.0\"?><!DOCTYPE dc-workflow ["
                + "<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %remote;]><dc-workflow/>"));
        assertRefusedDoctype(refused("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE dc-workflow SYSTEM \"http://127.0.0.1:1/evil.dtd\"><dc-workflow/>"));
    }

    @Test
    void deepNestingIsRefusedBeforeAnyRecursionOverflowsTheStack() {
        String deep = "<a>".repeat(50_000) + "</a>".repeat(50_000);
        for (String source : new String[] {"<dc-workflow><permission>" + deep + "</permission></dc-workflow>",
                "<dc-workflow><state state_id=\"s\"><description>" + deep + "</description></state></dc-workflow>",
                "<dc-workflow>" + deep + "</dc-workflow>"}) {
            InvalidInputException e = refused(source);
            assertEquals("body", e.errors().get(0).field());
            assertTrue(e.errors().get(0).message().contains("more than " + SecureXmlParser.MAX_DEPTH + " deep"),
                    e.errors().get(0).message());
        }
    }

    @Test
    void undeclaredEntityIsMalformed() {
        InvalidInputException e = refused("<dc-workflow workflow_id=\"w\" title=\"&xxe;\"/>");

        assertEquals("body", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().startsWith("is not well-formed XML"), e.getMessage());
    }

    @Test
    void xincludeIsNotProcessed() {
        ImportResult result = xml.importDefinition("""
                <dc-workflow xmlns:xi="http://www.w3.org/2001/XInclude" workflow_id="w" title="W" initial_state="a">
                  <state state_id="a" title="A"><xi:include href="file:///etc/passwd" parse="text"/></state>
                </dc-workflow>
                """);

        assertEquals("A", result.workflow().states().get(0).title());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("element <xi:include> is not understood")),
                result.warnings().toString());
        assertFalse(result.workflow().toString().contains("root:"));
    }

    @Test
    void malformedXmlIsRefusedWithItsPosition() {
        InvalidInputException e = refused("<dc-workflow workflow_id=\"w\">\n  <state state_id=\"a\">\n</dc-workflow>");

        assertEquals("body", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("line 3"), e.errors().get(0).message());
    }

    @Test
    void emptyAndNonXmlBodiesAreRefused() {
        assertEquals("body", refused("").errors().get(0).field());
        assertEquals("body", refused("{\"id\": \"not xml\"}").errors().get(0).field());
    }

    @Test
    void wellFormedXmlThatIsNotADcWorkflowIsRefused() {
        InvalidInputException e = refused("<workflow id=\"w\"/>");

        assertEquals("body", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("expected <dc-workflow>"), e.errors().get(0).message());
    }
}
