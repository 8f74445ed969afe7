package org.campus.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.RecordHistory;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.workflow.model.WorkflowTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An activity's records with their histories, page by page, as the workflow archiver reads them. */
class ActivityRecordsTest {

    private final TestDatabase db = new TestDatabase();
    private final WorkflowServiceImpl service = new WorkflowServiceImpl(db.transactions(),
            Events.unfiltered(new RecordingEventAdmin()), db.dataSource());

    @AfterEach
    void close() {
        db.close();
    }

    private WorkflowRecord record(Workflow w, String course, String activity, long lmsId) {
        return service.createRecord(new NewRecord(w.id(), LmsId.of(lmsId), LmsId.of(course), LmsId.of(activity),
                LmsId.of("5")));
    }

    @Test
    void pagesThroughEveryRecordOfTheActivityWithItsWholeHistory() {
        Workflow w = service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WorkflowRecord r = record(w, "c-1", "17", 100 + i);
            expected.add(r.id());
            if (i % 2 == 0) {
                service.perform(r.id(), new ActionRequest("submit", LmsId.of(5), List.of("student"), "note " + i));
            }
        }
        record(w, "c-1", "18", 200);      // another activity
        record(w, "c-2", "17", 300);      // the same activity id in another course

        List<RecordHistory> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<RecordHistory> page = service.activityRecords(LmsId.of("c-1"), LmsId.of("17"),
                    new PageRequest(2, cursor));
            assertTrue(page.items().size() <= 2);
            seen.addAll(page.items());
            cursor = page.next();
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        assertEquals(expected, seen.stream().map(h -> h.record().id()).toList());
        for (int i = 0; i < seen.size(); i++) {
            RecordHistory h = seen.get(i);
            assertEquals("c-1", h.record().courseId().value());
            assertEquals(service.history(h.record().id()), h.history());
            assertEquals(i % 2 == 0 ? 2 : 1, h.history().size());
            assertNull(h.history().get(0).action());
        }
        assertEquals("note 0", seen.get(0).history().get(1).comment());
    }

    @Test
    void anActivityWithoutRecordsIsOneEmptyPage() {
        Page<RecordHistory> page = service.activityRecords(LmsId.of("c-1"), LmsId.of("nothing"), PageRequest.first(50));
        assertTrue(page.items().isEmpty());
        assertNull(page.next());
    }

    @Test
    void refusesMissingIdsAndForeignCursors() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service.activityRecords(null, LmsId.of(" "), PageRequest.first(10)));
        assertEquals(List.of("courseId", "activityId"), e.errors().stream().map(f -> f.field()).toList());
        assertThrows(InvalidInputException.class,
                () -> service.activityRecords(LmsId.of("1"), LmsId.of("2"), new PageRequest(10, "garbage!")));
    }
}
