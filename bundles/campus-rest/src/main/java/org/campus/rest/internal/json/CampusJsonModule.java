package org.campus.rest.internal.json;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.campus.api.job.Job;
import org.campus.api.job.JobState;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.security.ActorKind;
import org.campus.api.security.ApiKey;
import org.campus.api.security.IssuedApiKey;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareType;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MailStatus;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.PlanOption;
import org.campus.api.workflow.RecordAccess;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowMail;
import org.campus.api.workflow.WorkflowRecord;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;

/**
 * How the API's value types look in JSON, without a Jackson annotation in campus-api: mix-ins
 * name the fields as the OpenAPI document does (times as {@code time<Event>}), leave out what is
 * absent, give enums their wire codes, and write every {@link LmsId} through {@link LmsIdJson}.
 */
public final class CampusJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public CampusJsonModule() {
        super("campus-api");
        addSerializer(LmsId.class, new LmsIdJson.Serializer());
        addDeserializer(LmsId.class, new LmsIdJson.Deserializer());
        addSerializer(MailStatus.class, new LowerCaseName());

        setMixInAnnotation(ShareType.class, Coded.class);
        setMixInAnnotation(ShareStatus.class, Coded.class);
        setMixInAnnotation(RecordVisibility.class, Coded.class);
        setMixInAnnotation(BindingScope.class, Coded.class);
        setMixInAnnotation(PlanOption.class, Coded.class);
        setMixInAnnotation(ActorKind.class, Coded.class);

        setMixInAnnotation(ShareProgress.class, ShareMixIn.class);
        setMixInAnnotation(Workflow.class, WorkflowMixIn.class);
        setMixInAnnotation(WorkflowDefinition.class, DefinitionMixIn.class);
        setMixInAnnotation(WorkflowRecord.class, RecordMixIn.class);
        setMixInAnnotation(RecordAccess.class, AccessMixIn.class);
        setMixInAnnotation(WorkflowBinding.class, BindingMixIn.class);
        setMixInAnnotation(BindingChange.class, BindingChangeMixIn.class);
        setMixInAnnotation(MigrationPlan.class, PlanMixIn.class);
        setMixInAnnotation(WorkflowMail.class, MailMixIn.class);
        setMixInAnnotation(ApiKey.class, ApiKeyMixIn.class);
        setMixInAnnotation(IssuedApiKey.class, IssuedApiKeyMixIn.class);
        setMixInAnnotation(ErasureReport.class, ErasureReportMixIn.class);

        setMixInAnnotation(JobState.class, Coded.class);
        setMixInAnnotation(Job.class, JobMixIn.class);
        setMixInAnnotation(StateDef.class, TranslatedMixIn.class);
        setMixInAnnotation(ActionDef.class, TranslatedMixIn.class);
        setMixInAnnotation(StateAccess.class, StateAccessMixIn.class);
    }

    /** An enum with a {@code code()}: the code is its JSON. */
    abstract static class Coded {
        @JsonValue
        abstract String code();
    }

    abstract static class ShareMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Long cmId();

        @JsonProperty("message")
        abstract String errorMessage();
    }

    abstract static class WorkflowMixIn {
        @JsonUnwrapped
        abstract WorkflowDefinition definition();

        @JsonProperty("timeCreated")
        abstract Instant created();
    }

    /** The Campus JSON format: no id (a stored workflow has its own); implications in key order. */
    abstract static class DefinitionMixIn {
        @JsonIgnore
        abstract String id();

        @JsonSerialize(converter = SortedMapOfLists.class)
        abstract Map<String, List<String>> permissionImplications();
    }

    abstract static class RecordMixIn {
        @JsonProperty("timeCreated")
        abstract Instant created();

        @JsonProperty("timeModified")
        abstract Instant modified();
    }

    abstract static class AccessMixIn {
        @JsonProperty("mayView")
        abstract boolean mayView();

        @JsonProperty("mayEdit")
        abstract boolean mayEdit();
    }

    abstract static class BindingMixIn {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract LmsId courseId();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract LmsId activityId();

        @JsonProperty("timeModified")
        abstract Instant modified();
    }

    abstract static class BindingChangeMixIn {
        @JsonUnwrapped
        abstract WorkflowBinding binding();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract MigrationPlan plan();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract MigrationJob migration();
    }

    /** As {@code JobJson} writes a job (schema {@code Job}): parameters in key order. */
    abstract static class JobMixIn {
        @JsonSerialize(converter = SortedMap.class)
        abstract Map<String, String> parameters();

        @JsonProperty("timeEstimatedEnd")
        abstract java.time.Instant estimatedEnd();

        @JsonProperty("timeCreated")
        abstract java.time.Instant created();

        @JsonProperty("timeDue")
        abstract java.time.Instant due();

        @JsonProperty("timeStarted")
        abstract java.time.Instant started();

        @JsonProperty("timeEnded")
        abstract java.time.Instant ended();

        @JsonProperty("timeLastHeartbeat")
        abstract java.time.Instant lastHeartbeat();

        @JsonProperty("message")
        abstract String reason();
    }

    /**
     * A state's or action's texts in other languages: left out when there are none, so that a
     * definition in one language reads as it did before there were translations.
     */
    abstract static class TranslatedMixIn {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @JsonSerialize(converter = SortedMap.class)
        abstract Map<String, String> titles();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @JsonSerialize(converter = SortedMap.class)
        abstract Map<String, String> descriptions();
    }

    abstract static class StateAccessMixIn {
        @JsonSerialize(converter = SortedMap.class)
        abstract Map<String, String> actionTitles();
    }

    abstract static class PlanMixIn {
        @JsonSerialize(converter = SortedMap.class)
        abstract Map<String, String> stateMap();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract PlanOption option();
    }

    abstract static class MailMixIn {
        @JsonProperty("timeNextAttempt")
        abstract Instant nextAttempt();

        @JsonProperty("timeCreated")
        abstract Instant created();

        @JsonProperty("timeSent")
        abstract Instant sent();
    }

    abstract static class ApiKeyMixIn {
        @JsonSerialize(converter = SortedSet.class)
        abstract Set<String> scopes();

        @JsonProperty("timeCreated")
        abstract Instant created();

        @JsonProperty("timeRotated")
        abstract Instant rotated();

        @JsonProperty("timeRevoked")
        abstract Instant revoked();

        @JsonProperty("active")
        abstract boolean active();
    }

    abstract static class IssuedApiKeyMixIn {
        @JsonUnwrapped
        abstract ApiKey key();
    }

    abstract static class ErasureReportMixIn {
        @JsonSerialize(converter = SortedMapOfCounts.class)
        abstract Map<String, Integer> deletedByProvider();

        @JsonProperty("total")
        abstract int total();
    }

    /** Sorted, so that the same value always gives the same text whatever map it came in. */
    static final class SortedMapOfLists extends StdConverter<Map<String, List<String>>, Map<String, List<String>>> {
        @Override
        public Map<String, List<String>> convert(Map<String, List<String>> value) {
            Map<String, List<String>> sorted = new TreeMap<>();
            value.forEach((k, v) -> {
                if (k != null) {
                    sorted.put(k, v);
                }
            });
            return sorted;
        }
    }

    static final class SortedMap extends StdConverter<Map<String, String>, Map<String, String>> {
        @Override
        public Map<String, String> convert(Map<String, String> value) {
            return new TreeMap<>(value);
        }
    }

    static final class SortedMapOfCounts extends StdConverter<Map<String, Integer>, Map<String, Integer>> {
        @Override
        public Map<String, Integer> convert(Map<String, Integer> value) {
            return new TreeMap<>(value);
        }
    }

    static final class SortedSet extends StdConverter<Set<String>, Set<String>> {
        @Override
        public Set<String> convert(Set<String> value) {
            return new TreeSet<>(value);
        }
    }

    static final class LowerCaseName extends StdSerializer<Enum<?>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"unchecked", "rawtypes"})
        LowerCaseName() {
            super((Class) Enum.class);
        }

        @Override
        public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }
}
