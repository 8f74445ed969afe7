package org.campus.api.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The text formats a stored workflow can be exported to (JSON is the HTTP API's own mapping). */
public enum ExportFormat {
    /** Plone DCWorkflow {@code definition.xml}. */
    DCWORKFLOW("dcworkflow"),
    /** A Mermaid state diagram. */
    MERMAID("mermaid"),
    /** A Graphviz DOT digraph. */
    DOT("dot");

    private final String code;

    ExportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ExportFormat> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
