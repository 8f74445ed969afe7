package org.campus.core.internal.workflow.model;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes indented, well-formed XML. Attribute values and text are escaped; characters XML 1.0
 * cannot carry at all (most control characters, lone surrogates) become U+FFFD, since no escape
 * exists for them.
 */
final class XmlWriter {

    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> openElements = new ArrayDeque<>();
    /** Whether the innermost open element's start tag still lacks its closing '>'. */
    private boolean startTagPending;

    XmlWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** Opens an element; {@code attributes} are name/value pairs, pairs with a {@code null} value are left out. */
    XmlWriter start(String name, String... attributes) {
        closePendingStartTag();
        newLine(openElements.size());
        out.append('<').append(name);
        appendAttributes(attributes);
        openElements.push(name);
        startTagPending = true;
        return this;
    }

    XmlWriter end() {
        String name = openElements.pop();
        if (startTagPending) {
            out.append("/>");
            startTagPending = false;
        } else {
            newLine(openElements.size());
            out.append("</").append(name).append('>');
        }
        return this;
    }

    /** An element holding only text. */
    XmlWriter textElement(String name, String text, String... attributes) {
        closePendingStartTag();
        newLine(openElements.size());
        out.append('<').append(name);
        appendAttributes(attributes);
        out.append('>');
        escape(text == null ? "" : text, false);
        out.append("</").append(name).append('>');
        return this;
    }

    XmlWriter emptyElement(String name, String... attributes) {
        return start(name, attributes).end();
    }

    @Override
    public String toString() {
        if (!openElements.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + openElements);
        }
        return out.toString() + "\n";
    }

    private void appendAttributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1], true);
                out.append('"');
            }
        }
    }

    private void closePendingStartTag() {
        if (startTagPending) {
            out.append('>');
            startTagPending = false;
        }
    }

    private void newLine(int depth) {
        out.append('\n').append(INDENT.repeat(depth));
    }

    private void escape(String text, boolean inAttribute) {
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(inAttribute ? "&quot;" : "\"");
                // Raw line breaks and tabs in attributes would be normalised to spaces by any parser.
                case '\n' -> out.append(inAttribute ? "&#10;" : "\n");
                case '\t' -> out.append(inAttribute ? "&#9;" : "\t");
                case '\r' -> out.append("&#13;");
                default -> out.appendCodePoint(isXmlChar(c) ? c : 0xFFFD);
            }
        });
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
