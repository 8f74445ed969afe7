package org.campus.rest.internal.json;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.campus.api.privacy.PersonalData;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.Worklist;
import org.campus.api.workflow.WorklistItem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answers whose shape no API type has: each record is one named schema of the OpenAPI
 * document, written by Jackson as it stands.
 */
public final class Shapes {

    private Shapes() {
    }

    /** {@code {"items": [...]}}: a list that is never paged. */
    public record Items<T>(List<T> items) {
    }

    public record Health(String status) {
        public static final Health UP = new Health("UP");
    }

    public record SourceDeletionResult(int updated) {
    }

    /** {@code WorkflowSummary}: what a picker needs, not the states and actions. */
    public record WorkflowSummary(long id, String key, long familyId, int version, String title, String description,
            String initialState, int stateCount, int actionCount, int warningCount, Instant timeCreated) {
        public static WorkflowSummary of(Workflow w) {
            WorkflowDefinition d = w.definition();
            return new WorkflowSummary(w.id(), w.key(), w.familyId(), w.version(), d.title(), d.description(),
                    d.initialState(), d.states().size(), d.actions().size(), w.warnings().size(), w.created());
        }
    }

    /** {@code WorkflowTemplate}: a template's key and its definition. */
    public record WorkflowTemplate(String key, @JsonUnwrapped WorkflowDefinition definition) {
    }

    /** {@code WorkflowHistoryEntry}; {@code userId} repeats {@code actor} under the name the action request uses. */
    public record HistoryItem(long id, String action, @JsonInclude(JsonInclude.Include.NON_NULL) LmsId actor,
            @JsonInclude(JsonInclude.Include.NON_NULL) LmsId userId, String from, String to, Instant time,
            String comment) {
        public static HistoryItem of(HistoryEntry h) {
            return new HistoryItem(h.id(), h.action(), h.actor(), h.actor(), h.from(), h.to(), h.time(), h.comment());
        }
    }

    /** {@code WorkflowSimulation}; {@code lang}, in its normal form, only when the request named one. */
    public record WorkflowSimulation(long workflowId, Collection<String> roles,
            @JsonInclude(JsonInclude.Include.NON_NULL) String lang, List<StateAccess> items) {
    }

    /** {@code Worklist}: the records, with the actions the roles may perform on each, and the counts. */
    public record WorklistPage(List<WorklistEntry> items, WorklistCounts counts, String next) {
        public static WorklistPage of(Worklist w) {
            return new WorklistPage(w.items().stream().map(WorklistEntry::of).toList(),
                    new WorklistCounts(w.total(), w.byState(), w.byActivity()), w.next());
        }
    }

    public record WorklistEntry(long id, LmsId lmsRecordId, LmsId courseId, LmsId activityId, LmsId authorId,
            String state, long workflowId, List<String> actions) {
        static WorklistEntry of(WorklistItem i) {
            WorkflowRecord r = i.record();
            return new WorklistEntry(r.id(), r.lmsRecordId(), r.courseId(), r.activityId(), r.authorId(), r.state(),
                    r.workflowId(), i.actions());
        }
    }

    public record WorklistCounts(long total, Map<String, Long> byState, Map<String, Long> byActivity) {
    }

    /** {@code UserExport}: what every service stores about one user. */
    public record UserExport(LmsId userId, List<PersonalData> providers) {
    }
}
