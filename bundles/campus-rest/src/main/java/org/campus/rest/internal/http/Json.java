package org.campus.rest.internal.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.campus.rest.internal.json.CampusJsonModule;

/**
 * The one JSON configuration of the API: ISO-8601 UTC times, strict parsing, bounded input, and the
 * API's value types as the OpenAPI document names them ({@link CampusJsonModule}).
 */
public final class Json {

    public static final String CONTENT_TYPE = "application/json";
    public static final String PROBLEM_CONTENT_TYPE = "application/problem+json";

    private final ObjectMapper mapper;

    public Json() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new CampusJsonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        ObjectMapper m = builder.build();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
        this.mapper = m;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }
}
