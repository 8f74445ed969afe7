package org.campus.api.privacy;

import java.util.Map;

/** How many records each provider deleted. */
public record ErasureReport(Map<String, Integer> deletedByProvider) {
    public ErasureReport {
        deletedByProvider = Map.copyOf(deletedByProvider);
    }

    public int total() {
        return deletedByProvider.values().stream().mapToInt(Integer::intValue).sum();
    }
}
