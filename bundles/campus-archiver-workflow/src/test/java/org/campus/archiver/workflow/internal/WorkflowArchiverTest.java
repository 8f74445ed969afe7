package org.campus.archiver.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.RecordHistory;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.UnsupportedWorkflowService;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.testkit.archiver.ActivityArchiverContract;
import org.campus.testkit.archiver.RecordingArchiveContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WorkflowArchiverTest extends ActivityArchiverContract {

    private static final Instant T = Instant.parse("2026-05-06T07:08:09Z");

    /** Seven records of activity 17 in course 7, in pages as the real service gives them. */
    private class Records extends UnsupportedWorkflowService {
        final List<String> cursorsAsked = new ArrayList<>();
        final List<Long> exported = new ArrayList<>();

        @Override
        public Page<RecordHistory> activityRecords(LmsId courseId, LmsId activityId, PageRequest page) {
            assertEquals("7", courseId.value());
            assertEquals("17", activityId.value());
            cursorsAsked.add(page.cursor());
            int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
            List<RecordHistory> items = new ArrayList<>();
            for (int i = from; i < Math.min(7, from + page.limit()); i++) {
                items.add(record(i));
            }
            int next = from + page.limit();
            return new Page<>(items, next < 7 ? Integer.toString(next) : null);
        }

        @Override
        public String export(long id, ExportFormat format) {
            assertEquals(ExportFormat.DCWORKFLOW, format);
            exported.add(id);
            return "<dc-workflow workflow_id=\"" + id + "\"/>";
        }
    }

    private static RecordHistory record(int i) {
        WorkflowRecord r = new WorkflowRecord(100 + i, i < 5 ? 1 : 2, LmsId.of(500 + i), LmsId.of("7"), LmsId.of("17"),
                LmsId.of(10 + i), i % 2 == 0 ? "pending" : "published", T, T.plusSeconds(i), i,
                i == 6 ? RecordVisibility.HIDDEN : RecordVisibility.VISIBLE);
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(1000 + i, r.id(), null, LmsId.of(10 + i), null, "pending", T, null));
        if (i % 2 == 1) {
            history.add(new HistoryEntry(2000 + i, r.id(), "publish", i == 3 ? null : LmsId.of("teacher-9"), "pending",
                    "published", T.plusSeconds(i), "ok \"quoted\""));
        }
        return new RecordHistory(r, history);
    }

    private Records service = new Records();

    private static WorkflowArchiverConfig pageSize(int size) {
        return new WorkflowArchiverConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkflowArchiverConfig.class;
            }

            @Override
            public int pageSize() {
                return size;
            }
        };
    }

    @Override
    protected ActivityArchiver archiver() {
        return new WorkflowArchiver(service, pageSize(3));
    }

    @Override
    protected RecordingArchiveContext.Builder typicalActivity() {
        return RecordingArchiveContext.builder("workflow", "17").courseId("7");
    }

    @Test
    void writesEveryRecordWithItsHistoryAndTheWorkflowsTheyFollow() throws Exception {
        RecordingArchiveContext context = typicalActivity().build();

        ArchiveResult result = archiver().archive(context);

        assertEquals(ArchiveResult.Outcome.SUCCEEDED, result.outcome());
        assertEquals(List.of("records.json", "workflows/1.xml", "workflows/2.xml"),
                List.copyOf(context.entriesWritten().keySet()));
        assertEquals(java.util.Arrays.asList(null, "3", "6"), service.cursorsAsked, "three pages of three");
        JsonNode json = new ObjectMapper().readTree(context.entry("records.json").bytes());
        assertEquals("campus-workflow-records", json.get("format").asText());
        JsonNode records = json.get("records");
        assertEquals(7, records.size());
        JsonNode second = records.get(1);
        assertEquals(101, second.get("id").asLong());
        assertTrue(second.get("lmsRecordId").isNumber(), "a numeric LMS id stays a number");
        assertEquals("17", second.get("activityId").asText());
        assertTrue(second.get("activityId").isTextual());
        assertEquals("publish", second.get("history").get(1).get("action").asText());
        assertEquals("ok \"quoted\"", second.get("history").get(1).get("comment").asText());
        assertTrue(records.get(3).get("history").get(1).get("actor").isNull(), "an erased actor stays erased");
        assertEquals("hidden", records.get(6).get("visibility").asText());
        assertEquals("<dc-workflow workflow_id=\"2\"/>", context.entry("workflows/2.xml").text());
        assertEquals(Set.of("10", "11", "12", "13", "14", "15", "16", "teacher-9"), context.dataSubjects());
        assertEquals(7, context.progressDone());
    }

    @Test
    void anActivityWithoutRecordsIsAnEmptyList() throws Exception {
        service = new Records() {
            @Override
            public Page<RecordHistory> activityRecords(LmsId courseId, LmsId activityId, PageRequest page) {
                return new Page<>(List.of(), null);
            }
        };
        RecordingArchiveContext context = typicalActivity().build();
        assertEquals(ArchiveResult.Outcome.SUCCEEDED, archiver().archive(context).outcome());
        assertEquals(0, new ObjectMapper().readTree(context.entry("records.json").bytes()).get("records").size());
        assertEquals(List.of("records.json"), List.copyOf(context.entriesWritten().keySet()));
    }

    @Test
    void stopsBetweenPagesWhenCancelled() throws Exception {
        int[] checks = {0};
        RecordingArchiveContext context = typicalActivity().cancelledWhen(() -> ++checks[0] > 2).build();
        assertEquals(ArchiveResult.Outcome.CANCELLED, archiver().archive(context).outcome());
        assertEquals(2, service.cursorsAsked.size(), "two pages read, the third not");
    }
}
