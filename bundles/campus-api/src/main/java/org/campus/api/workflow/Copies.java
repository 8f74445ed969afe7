package org.campus.api.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive, unmodifiable copies for the workflow records. Unlike {@code List.copyOf} they keep
 * {@code null} elements, so that a validator can still name the bad element by its index instead
 * of the record refusing to exist.
 */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> source) {
        return source == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(source));
    }

    static <V> Map<String, List<V>> mapOfLists(Map<String, List<V>> source) {
        if (source == null) {
            return Map.of();
        }
        Map<String, List<V>> copy = new LinkedHashMap<>();
        source.forEach((key, values) -> copy.put(key, values == null ? null : list(values)));
        return Collections.unmodifiableMap(copy);
    }
}
