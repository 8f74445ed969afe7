package org.campus.archiver.workflow.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.RecordHistory;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.spi.LogLevel;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ArchiveContext;
import org.campus.spi.archiver.ArchiveResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Archives the workflow records of an activity (activity type {@code workflow}, activity id = the
 * LMS activity id, in the job's course) with their whole history, from Campus's own data:
 *
 * <ul>
 * <li>{@code records.json}: every record (whatever its visibility) with its history, oldest step
 * first, written as it is read, a page at a time;</li>
 * <li>{@code workflows/<id>.xml}: each workflow the records follow, as DCWorkflow XML, so that the
 * states and actions in the history can be read without Campus.</li>
 * </ul>
 *
 * The records' authors and the history's actors are declared as data subjects. The archiver holds
 * nothing itself; the records stay in Campus (whose workflow privacy provider covers them).
 */
@Component(service = ActivityArchiver.class, configurationPid = WorkflowArchiverConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {ActivityArchiver.PROPERTY_ID + "=workflow", ActivityArchiver.PROPERTY_ACTIVITY_TYPES + "=workflow",
            ActivityArchiver.PROPERTY_INPUTS + "=campus"})
@Designate(ocd = WorkflowArchiverConfig.class)
public class WorkflowArchiver implements ActivityArchiver {

    static final String RECORDS = "records.json";

    private final WorkflowService workflows;
    private final int pageSize;
    private final JsonFactory json = new JsonFactory();

    @Activate
    public WorkflowArchiver(@Reference WorkflowService workflows, WorkflowArchiverConfig config) {
        this.workflows = workflows;
        this.pageSize = Math.max(1, Math.min(PageRequest.MAX_LIMIT, config.pageSize()));
    }

    @Override
    public ArchiveResult archive(ArchiveContext context) throws IOException {
        LmsId course = LmsId.of(context.courseId());
        LmsId activity = LmsId.of(context.activity().id());
        context.initProgress(0);
        Set<Long> workflowIds = new TreeSet<>();
        long records = 0;
        try (OutputStream out = context.entries().entry(RECORDS).contentType("application/json").open();
                JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "campus-workflow-records");
            g.writeNumberField("formatVersion", 1);
            g.writeStringField("courseId", context.courseId());
            g.writeStringField("activityId", context.activity().id());
            g.writeArrayFieldStart("records");
            String cursor = null;
            do {
                if (context.isCancelled()) {
                    return context.result().message("Cancelled after " + records + " records").cancelled();
                }
                Page<RecordHistory> page = workflows.activityRecords(course, activity, new PageRequest(pageSize, cursor));
                for (RecordHistory r : page.items()) {
                    write(g, r, context);
                    workflowIds.add(r.record().workflowId());
                }
                records += page.items().size();
                context.incrementProgress(page.items().size());
                cursor = page.next();
            } while (cursor != null);
            g.writeEndArray();
            g.writeEndObject();
        }
        for (long id : workflowIds) {
            if (context.isCancelled()) {
                return context.result().cancelled();
            }
            byte[] xml = workflows.export(id, ExportFormat.DCWORKFLOW).getBytes(StandardCharsets.UTF_8);
            context.entries().entry("workflows/" + id + ".xml").contentType("application/xml")
                    .write(new java.io.ByteArrayInputStream(xml), xml.length);
        }
        context.log(LogLevel.INFO, "{} workflow records of activity {} archived, following {} workflows", records,
                context.activity().id(), workflowIds.size());
        return context.result().succeeded();
    }

    private static void write(JsonGenerator g, RecordHistory r, ArchiveContext context) throws IOException {
        WorkflowRecord record = r.record();
        g.writeStartObject();
        g.writeNumberField("id", record.id());
        g.writeNumberField("workflowId", record.workflowId());
        id(g, "lmsRecordId", record.lmsRecordId());
        id(g, "courseId", record.courseId());
        id(g, "activityId", record.activityId());
        id(g, "authorId", record.authorId());
        context.addDataSubject(record.authorId().value());
        g.writeStringField("state", record.state());
        g.writeStringField("visibility", record.visibility().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("created", record.created().toString());
        g.writeStringField("modified", record.modified().toString());
        g.writeNumberField("version", record.version());
        g.writeArrayFieldStart("history");
        for (HistoryEntry h : r.history()) {
            g.writeStartObject();
            g.writeStringField("action", h.action());
            if (h.actor() != null) {
                id(g, "actor", h.actor());
                context.addDataSubject(h.actor().value());
            } else {
                g.writeNullField("actor");
            }
            g.writeStringField("from", h.from());
            g.writeStringField("to", h.to());
            g.writeStringField("time", h.time().toString());
            if (h.comment() != null) {
                g.writeStringField("comment", h.comment());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** An LMS id as it travelled: a number when the LMS sent a number. */
    private static void id(JsonGenerator g, String field, LmsId id) throws IOException {
        if (id.numeric()) {
            g.writeFieldName(field);
            g.writeNumber(id.value());
        } else {
            g.writeStringField(field, id.value());
        }
    }
}
