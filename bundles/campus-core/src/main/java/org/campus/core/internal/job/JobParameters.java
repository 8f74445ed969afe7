package org.campus.core.internal.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A job's parameters as stored: a JSON object of strings, keys sorted. */
final class JobParameters {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private JobParameters() {
    }

    static String encode(Map<String, String> parameters) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(parameters));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(stored, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("job parameters are not a JSON object of strings", e);
        }
    }
}
