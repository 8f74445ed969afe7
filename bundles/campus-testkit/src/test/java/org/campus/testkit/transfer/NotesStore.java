package org.campus.testkit.transfer;

import java.util.Map;
import java.util.TreeMap;

/** The store of the notes provider: each user's notes by key. */
final class NotesStore {

    final Map<String, TreeMap<String, String>> notes = new TreeMap<>();

    TreeMap<String, String> of(String user) {
        return notes.computeIfAbsent(user, u -> new TreeMap<>());
    }

    String get(String user, String key) {
        return of(user).get(key);
    }

    void put(String user, String key, String value) {
        if (value == null) {
            of(user).remove(key);
        } else {
            of(user).put(key, value);
        }
    }

    Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        notes.forEach((user, n) -> {
            if (!n.isEmpty()) {
                copy.put(user, new TreeMap<>(n));
            }
        });
        return copy;
    }
}
