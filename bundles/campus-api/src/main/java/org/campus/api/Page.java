package org.campus.api;

import java.util.List;

/**
 * One page of a list. {@code next} is an opaque cursor for the following page, or {@code null}
 * when this page is the last.
 */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }
}
