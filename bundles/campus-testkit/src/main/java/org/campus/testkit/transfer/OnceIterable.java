package org.campus.testkit.transfer;

import java.util.Iterator;
import java.util.List;

/** An iterable that may be iterated once, as the core's lazily read ones: a provider iterating twice fails. */
final class OnceIterable<T> implements Iterable<T> {

    private final List<T> list;
    private boolean used;

    private OnceIterable(List<T> list) {
        this.list = List.copyOf(list);
    }

    static <T> Iterable<T> of(List<T> list) {
        return new OnceIterable<>(list);
    }

    @Override
    public synchronized Iterator<T> iterator() {
        if (used) {
            throw new IllegalStateException("the core's item lists are iterated once");
        }
        used = true;
        return list.iterator();
    }
}
