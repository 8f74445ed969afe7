package org.campus.core.internal.workflow.model;

import java.io.InputStream;
import java.io.StringReader;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.WorkflowDefinition;
import org.xml.sax.InputSource;

/**
 * Imports and exports Plone DCWorkflow {@code definition.xml} files. Importing then exporting then
 * importing again gives the same model. The parser refuses DTDs, so no entity is ever expanded.
 */
public final class DcWorkflowXml {

    /** The input field named when the XML itself is at fault. */
    public static final String BODY_FIELD = "body";

    /** Namespace of the extensions that carry what DCWorkflow cannot express; Plone ignores them. */
    public static final String CAMPUS_NAMESPACE = "urn:org.campus:workflow";
    static final String CAMPUS_PREFIX = "campus";
    static final String AUTHOR_ONLY = "author-only";
    /** A state's or transition's title in the language of its {@code xml:lang}. */
    static final String TITLE = "title";
    /** A state's or transition's description in the language of its {@code xml:lang}. */
    static final String DESCRIPTION = "description";

    /**
     * @throws InvalidInputException field {@value #BODY_FIELD}: not well-formed, has a DOCTYPE, or is
     *         not a DCWorkflow definition
     */
    public ImportResult importDefinition(InputStream xml) {
        return importDefinition(new InputSource(xml));
    }

    /** @see #importDefinition(InputStream) */
    public ImportResult importDefinition(String xml) {
        return importDefinition(new InputSource(new StringReader(xml)));
    }

    private ImportResult importDefinition(InputSource source) {
        return new DcWorkflowReader(BODY_FIELD).read(new SecureXmlParser(BODY_FIELD).parse(source));
    }

    /** The definition as DCWorkflow XML, UTF-8. Does not validate it: validate before if it matters. */
    public String exportDefinition(WorkflowDefinition definition) {
        return new DcWorkflowWriter().write(definition);
    }
}
