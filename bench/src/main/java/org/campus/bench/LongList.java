package org.campus.bench;

import java.util.Arrays;

/** A growable list of longs, for latencies in nanoseconds. */
final class LongList {
    private long[] values = new long[1024];
    private int size;
    private boolean sorted;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
        sorted = false;
    }

    void addAll(LongList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** The nearest-rank percentile, 0 when empty. */
    long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.min(size - 1, Math.max(0, rank - 1))];
    }

    /** The largest value, 0 when empty. */
    long max() {
        return percentile(100);
    }
}
