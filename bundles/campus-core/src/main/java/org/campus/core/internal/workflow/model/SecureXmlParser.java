package org.campus.core.internal.workflow.model;

import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.campus.api.InvalidInputException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM. Documents with a DOCTYPE are refused outright, so no DTD is
 * read and no entity (internal or external) is ever declared or expanded: this stops XXE, entity
 * expansion bombs and DTD-based server-side requests. XInclude is off.
 */
public final class SecureXmlParser {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    /** The JDK parser's limit on element nesting (JAXP property {@code jdk.xml.maxElementDepth}). */
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    /**
     * A DCWorkflow file nests about five elements deep. Without a bound, a document nesting
     * thousands of elements inside a text element overflows the stack when its text is read.
     */
    static final int MAX_DEPTH = 100;

    private final String field;
    private final int maxDepth;

    /** @param field the input field named in errors, e.g. {@code body} */
    public SecureXmlParser(String field) {
        this(field, MAX_DEPTH);
    }

    /** @param maxDepth the deepest element nesting accepted (XMI nests deeper than DCWorkflow) */
    public SecureXmlParser(String field, int maxDepth) {
        this.field = field;
        this.maxDepth = maxDepth;
    }

    /** @throws InvalidInputException the input is not well-formed XML or has a DOCTYPE */
    public Document parse(InputSource input) {
        try {
            return newBuilder(maxDepth).parse(input);
        } catch (SAXParseException e) {
            throw new InvalidInputException(field, describe(e, maxDepth));
        } catch (SAXException e) {
            throw new InvalidInputException(field, "is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException(field, "could not be read: " + e.getMessage());
        }
    }

    private static DocumentBuilder newBuilder(int maxDepth) {
        // The JDK's own parser: it supports every feature below, whatever else the container offers.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(maxDepth));
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new FailingErrorHandler());
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            // Never fall back to a parser that cannot be locked down.
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    private static String describe(SAXParseException e, int maxDepth) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return "must not contain a DOCTYPE declaration: DTDs and entities are refused";
        }
        if (message.contains("maxElementDepth")) {
            return "nests elements more than " + maxDepth + " deep";
        }
        return "is not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): "
                + message;
    }

    /** Stops at the first problem instead of printing to stderr and going on. */
    private static final class FailingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
            // Warnings do not make a document unusable.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
