package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.privacy.PersonalData;
import org.junit.jupiter.api.Test;

class PersonalDataLinesTest {

    @Test
    void flatValuesInRecordOrder() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", 12L);
        record.put("status", "sent");
        record.put("cmId", null);
        record.put("sourceDeleted", false);
        record.put("timeCreated", Instant.parse("2024-05-01T10:15:30.5Z"));

        assertEquals(List.of("id=12", "status=sent", "cmId=", "sourceDeleted=false",
                "timeCreated=2024-05-01T10:15:30.500Z"), PersonalDataLines.pairs(record));
    }

    @Test
    void nestedListsAndMapsGetPathKeys() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("status", "in_progress");
        first.put("message", null);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("timeline", List.of(first, Map.of("status", "error")));
        record.put("owner", Map.of("name", "Ada"));
        record.put("tags", List.of());
        record.put("extra", Map.of());

        assertEquals(List.of("timeline[0].status=in_progress", "timeline[0].message=", "timeline[1].status=error",
                "owner.name=Ada", "tags=[]", "extra={}"), PersonalDataLines.pairs(record));
    }

    @Test
    void lineBreaksStayInsideTheValue() {
        assertEquals(List.of("message=line 1\\nline 2"), PersonalDataLines.pairs(Map.of("message", "line 1\nline 2")));
    }

    @Test
    void providerHeadingDescriptionAndNumberedRecords() {
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(Map.of("id", 1));
        records.add(Map.of("id", 2));
        PersonalData data = new PersonalData("share-progress", "Shares a user made.", records);

        assertEquals(List.of(
                "share-progress (2 records)",
                "  Shares a user made.",
                "  #1",
                "    id=1",
                "  #2",
                "    id=2"), PersonalDataLines.of(data));
    }

    @Test
    void providerWithoutRecords() {
        assertEquals(List.of("files (0 records)"), PersonalDataLines.of(new PersonalData("files", null, List.of())));
    }
}
