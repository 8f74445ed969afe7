package org.campus.api.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Texts by language tag, sorted by tag, each tag {@link Languages#normalize normalised} where it
     * can be. A tag that cannot be, and one whose normal form another entry already holds (both
     * {@code de} and {@code DE}), keeps its spelling, so that nothing is lost and the validator can
     * name it. {@code null} keys and values are kept for the validator too.
     */
    static Map<String, String> texts(Map<String, String> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        Map<String, String> spelledAs = new HashMap<>();
        source.forEach((key, text) -> {
            String tag = key == null ? null : Languages.normalize(key).orElse(key);
            if (!copy.containsKey(tag)) {
                copy.put(tag, text);
                spelledAs.put(tag, key);
            } else if (!tag.equals(key)) {
                copy.put(key, text);
            } else { // this entry is spelled normally: the earlier one moves back to its own spelling
                copy.put(spelledAs.get(tag), copy.get(tag));
                copy.put(tag, text);
                spelledAs.put(tag, key);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
