package org.campus.api.privacy;

import java.util.List;
import java.util.Map;

/**
 * What one provider holds about one user. Each record is a flat or nested map of plain values
 * (strings, numbers, booleans, {@link java.time.Instant}s, lists and maps of those), so that any
 * export format can render it.
 */
public record PersonalData(String provider, String description, List<Map<String, Object>> records) {
    public PersonalData {
        records = List.copyOf(records);
    }
}
