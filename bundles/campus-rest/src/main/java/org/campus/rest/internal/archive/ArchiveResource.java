package org.campus.rest.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveService;
import org.campus.api.archive.ArchiveVerification;
import org.campus.api.archive.CallbackTokenException;
import org.campus.api.archive.NewArchiveJob;
import org.campus.api.archive.WorkerReport;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.json.LmsIdJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /archive/jobs}: course archive jobs (create, uploads, start, follow, the archive, its
 * time-stamp, verify, cancel, delete).
 */
@Component(service = ApiResource.class, immediate = true)
public class ArchiveResource implements ApiResource {

    static final String SCOPE = "archive";
    private static final String BASE = "/archive/jobs";
    private static final String JOB = BASE + "/{id}";
    private static final String TOKEN_TYPE = "application/timestamp-token";

    private final ArchiveService archives;
    private final Json json = new Json();

    @Activate
    public ArchiveResource(@Reference ArchiveService archives) {
        this.archives = archives;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.POST, BASE, Access.write(SCOPE), this::create)
                .add(Method.GET, BASE, Access.read(SCOPE), this::list)
                .add(Method.GET, JOB, Access.read(SCOPE), this::get)
                .add(Method.DELETE, JOB, Access.write(SCOPE), this::delete)
                .add(Method.POST, JOB + "/uploads", Access.write(SCOPE), this::upload)
                .add(Method.POST, JOB + "/start", Access.write(SCOPE), this::start)
                .add(Method.POST, JOB + "/cancel", Access.write(SCOPE), this::cancel)
                .add(Method.GET, JOB + "/archive", Access.read(SCOPE), this::archive)
                .add(Method.GET, JOB + "/timestamp", Access.read(SCOPE), this::timestamp)
                .add(Method.POST, JOB + "/verify", Access.read(SCOPE), this::verify)
                // a worker's report: no API key; the activity's callback token, checked by the service
                .add(Method.POST, JOB + "/activities/{activity}/reports", Access.open(), this::report);
    }

    private Reply create(ApiRequest request) {
        JsonInput in = request.jsonObject();
        LmsId courseId = LmsIdJson.field(in, "courseId", true);
        LmsId userId = LmsIdJson.field(in, "userId", false);
        JsonNode sign = in.node().get("sign");
        if (sign != null && !sign.isNull() && !sign.isBoolean()) {
            in.error("sign", "must be true or false");
        }
        JsonNode await = in.node().get("awaitUploads");
        if (await != null && !await.isNull() && !await.isBoolean()) {
            in.error("awaitUploads", "must be true or false");
        }
        String storage = in.optionalString("storage", 64);
        List<NewArchiveJob.NewActivity> activities = new ArrayList<>();
        JsonNode list = in.node().get("activities");
        if (list == null || list.isNull()) {
            in.error("activities", "is required");
        } else if (!list.isArray()) {
            in.error("activities", "must be a list");
        } else if (list.size() == 0 || list.size() > NewArchiveJob.MAX_ACTIVITIES) {
            in.error("activities", "must list 1 to " + NewArchiveJob.MAX_ACTIVITIES + " activities");
        } else {
            for (int i = 0; i < list.size(); i++) {
                NewArchiveJob.NewActivity a = activity(in, list.get(i), "activities[" + i + "]");
                if (a != null) {
                    activities.add(a);
                }
            }
        }
        in.check();
        ArchiveJob job = archives.create(new NewArchiveJob(courseId, activities, sign != null && sign.asBoolean(),
                storage, await != null && await.asBoolean(), userId), request.caller().actor());
        return Reply.created("/campus/api/v1" + BASE + "/" + job.id(), job(job));
    }

    /**
     * A worker's report: {@code Authorization: Bearer <callback token>}, a JSON object of at most
     * {@link WorkerReport#MAX_BYTES} bytes; 202. The token is the service's to check (in constant time).
     */
    private Reply report(ApiRequest request) {
        long id = request.pathId("id", "archive job");
        String a = request.path("activity");
        if (a == null || !a.matches("[0-9]{1,3}") || Integer.parseInt(a) >= NewArchiveJob.MAX_ACTIVITIES) {
            throw new NotFoundException("Archive job " + id + " has no activity " + a);
        }
        int activity = Integer.parseInt(a);
        // what can be refused without a look at the token first (as every route does), then the token's form
        // (no lookup for what cannot be a callback token: an API key, a password), then the body
        javax.servlet.http.HttpServletRequest http = request.http();
        java.util.Enumeration<String> authorizations = http.getHeaders("Authorization");
        if (authorizations != null && authorizations.hasMoreElements()) {
            authorizations.nextElement();
            if (authorizations.hasMoreElements()) {
                throw new CallbackTokenException("Two credentials are ambiguous; a worker sends its callback token only");
            }
        }
        if (http.getContentLengthLong() > WorkerReport.MAX_BYTES) {
            request.body(WorkerReport.MAX_BYTES); // 413
        }
        boolean hasBody = http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null;
        if (http.getContentType() != null || hasBody) {
            request.requireContentType("application/json", "+json");
        }
        String token = bearer(request);
        if (token == null || !token.matches(CallbackTokenException.TOKEN_FORMAT)) {
            throw new CallbackTokenException("A worker reports with its activity's callback token:"
                    + " 'Authorization: Bearer <token>'");
        }
        request.requireContentType("application/json", "+json");
        byte[] body = request.body(WorkerReport.MAX_BYTES);
        JsonNode node;
        try {
            node = body.length == 0 ? null : json.mapper().readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not well-formed JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object with state");
        }
        JsonInput in = new JsonInput((ObjectNode) node);
        in.allowOnly("state", "progress", "message", "detail");
        JsonNode state = node.get("state");
        if (state == null || !state.isTextual() || !WorkerReport.STATES.contains(state.textValue())) {
            in.error("state", "must be running, completed or failed");
        }
        JsonNode progress = node.get("progress");
        if (progress != null && !progress.isNull()
                && (!progress.isIntegralNumber() || progress.asLong() < 0 || progress.asLong() > 100)) {
            in.error("progress", "must be a whole number from 0 to 100");
        }
        String message = in.optionalString("message", WorkerReport.MAX_MESSAGE);
        JsonNode detail = node.get("detail");
        if (detail != null && !detail.isNull() && !detail.isObject()) {
            in.error("detail", "must be an object");
        }
        in.check();
        archives.report(id, activity, token, new WorkerReport(state.textValue(),
                progress == null || progress.isNull() ? null : progress.intValue(), message,
                new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        ObjectNode n = json.mapper().createObjectNode();
        n.put("jobId", id);
        n.put("activity", activity);
        n.put("state", state.textValue());
        return Reply.accepted("/campus/api/v1" + BASE + "/" + id, n);
    }

    /** The bearer token of the request, or {@code null} (the service then refuses with 403). */
    private static String bearer(ApiRequest request) {
        java.util.Enumeration<String> headers = request.http().getHeaders("Authorization");
        String token = null;
        int count = 0;
        while (headers != null && headers.hasMoreElements()) {
            String h = headers.nextElement();
            count++;
            if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = h.substring(7).trim();
            }
        }
        return count == 1 && token != null && !token.isEmpty() && token.length() <= 256 ? token : null;
    }

    private NewArchiveJob.NewActivity activity(JsonInput in, JsonNode node, String at) {
        if (!node.isObject()) {
            in.error(at, "must be an object with type and id");
            return null;
        }
        JsonNode type = node.get("type");
        String t = null;
        if (type == null || !type.isTextual() || type.textValue().isEmpty() || type.textValue().length() > 64) {
            in.error(at + ".type", "must be an activity type (a string of 1 to 64 characters)");
        } else {
            t = type.textValue();
        }
        JsonNode idNode = node.get("id");
        LmsId id = idNode == null || idNode.isNull() ? null : LmsIdJson.read(idNode);
        if (id == null) {
            in.error(at + ".id", LmsIdJson.RULE);
        }
        JsonNode data = node.get("data");
        String text = null;
        if (data != null && !data.isNull()) {
            try {
                text = json.mapper().writeValueAsString(data);
            } catch (JsonProcessingException e) {
                in.error(at + ".data", "cannot be read");
            }
        }
        return t == null || id == null ? null : new NewArchiveJob.NewActivity(t, id.value(), text);
    }

    private Reply list(ApiRequest request) {
        String courseId = request.query("courseId");
        if (courseId != null && (courseId.length() > LmsId.MAX_LENGTH || courseId.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException("courseId", LmsIdJson.RULE);
        }
        LmsId userId = LmsIdJson.query(request, "userId");
        var page = archives.list(courseId, null, userId, request.page());
        ObjectNode n = json.mapper().createObjectNode();
        ArrayNode items = n.putArray("items");
        page.items().forEach(j -> items.add(job(j)));
        n.put("next", page.next());
        return Reply.ok(n);
    }

    private long id(ApiRequest request) {
        return request.pathId("id", "archive job");
    }

    private Reply get(ApiRequest request) {
        long id = id(request);
        return Reply.ok(job(archives.find(id).orElseThrow(() -> NotFoundException.of("archive job", id))));
    }

    private Reply delete(ApiRequest request) {
        archives.delete(id(request));
        return Reply.noContent();
    }

    private Reply start(ApiRequest request) {
        return Reply.ok(job(archives.start(id(request))));
    }

    private Reply cancel(ApiRequest request) {
        return Reply.ok(job(archives.cancel(id(request))));
    }

    private Reply upload(ApiRequest request) {
        long id = id(request);
        request.requireContentType("application/octet-stream");
        Long activity = request.queryLong("activity");
        if (activity == null || activity < 0 || activity >= NewArchiveJob.MAX_ACTIVITIES) {
            throw new InvalidInputException("activity", "must be the index of one of the job's activities, from 0");
        }
        String name = request.query("name");
        if (name == null) {
            throw new InvalidInputException("name", "is required");
        }
        Long offset = request.queryLong("offset");
        String last = request.query("last");
        if (last != null && !last.equals("true") && !last.equals("false")) {
            throw new InvalidInputException("last", "must be true or false");
        }
        String contentType = request.query("contentType");
        try (InputStream body = request.http().getInputStream()) {
            ArchiveJob.Upload u = archives.upload(id, activity.intValue(), name, contentType,
                    offset == null ? 0 : offset, last == null || last.equals("true"), body);
            ObjectNode n = upload(u);
            n.put("activity", activity.intValue());
            return Reply.ok(n);
        } catch (IOException e) {
            throw new InvalidInputException("body", "cannot be read: " + e.getMessage());
        }
    }

    private Reply archive(ApiRequest request) {
        long id = id(request);
        try {
            return Reply.stream("application/gzip", archives.openArchive(id)).header("Content-Disposition",
                    "attachment; filename=\"archive-" + id + ".tar.gz\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply timestamp(ApiRequest request) {
        long id = id(request);
        try {
            return Reply.stream(TOKEN_TYPE, archives.openTimestamp(id)).header("Content-Disposition",
                    "attachment; filename=\"archive-" + id + ".tst\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply verify(ApiRequest request) {
        try {
            ArchiveVerification v = archives.verify(id(request));
            ObjectNode n = json.mapper().createObjectNode();
            n.put("valid", v.valid());
            n.put("reason", v.reason());
            if (v.timestamped() != null) {
                n.put("timeStamped", v.timestamped().toString());
            }
            if (v.tsa() != null) {
                n.put("tsa", v.tsa());
            }
            return Reply.ok(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode job(ArchiveJob j) {
        ObjectNode n = json.mapper().createObjectNode();
        n.put("id", j.id());
        if (j.jobId() != null) {
            n.put("jobId", j.jobId());
        }
        if (j.courseId().numeric()) {
            n.put("courseId", Long.parseLong(j.courseId().value()));
        } else {
            n.put("courseId", j.courseId().value());
        }
        n.put("owner", j.owner());
        if (j.userId() != null) {
            LmsIdJson.put(n, "userId", j.userId());
        }
        n.put("state", j.state());
        n.put("progress", j.progress());
        n.put("sign", j.sign());
        n.put("storage", j.storage());
        ArrayNode activities = n.putArray("activities");
        for (ArchiveJob.Activity a : j.activities()) {
            ObjectNode o = activities.addObject();
            o.put("type", a.type());
            o.put("id", a.id());
            o.put("inlineData", a.inlineData());
            o.put("state", a.state());
            if (a.archiver() != null) {
                o.put("archiver", a.archiver());
            }
            o.put("entries", a.entries());
            if (a.message() != null) {
                o.put("message", a.message());
            }
            ArrayNode uploads = o.putArray("uploads");
            a.uploads().forEach(u -> uploads.add(upload(u)));
        }
        ArrayNode errors = n.putArray("errors");
        if (j.reason() != null && ("failed".equals(j.state()) || "cancelled".equals(j.state()))) {
            errors.addObject().put("message", j.reason());
        }
        for (int i = 0; i < j.activities().size(); i++) {
            ArchiveJob.Activity a = j.activities().get(i);
            if ("failed".equals(a.state()) && a.message() != null && !a.message().equals(j.reason())) {
                errors.addObject().put("activity", i).put("message", a.message());
            }
        }
        if (j.reason() != null) {
            n.put("message", j.reason());
        }
        if (j.stored() != null) {
            ObjectNode s = n.putObject("stored");
            s.put("location", j.stored().location());
            s.put("size", j.stored().size());
            s.put("sha256", j.stored().sha256());
            if (j.stored().timestamped() != null) {
                s.put("timeStamped", j.stored().timestamped().toString());
                s.put("tsa", j.stored().tsa());
            }
        }
        n.put("timeCreated", j.created().toString());
        if (j.ended() != null) {
            n.put("timeEnded", j.ended().toString());
        }
        return n;
    }

    private ObjectNode upload(ArchiveJob.Upload u) {
        ObjectNode o = json.mapper().createObjectNode();
        o.put("name", u.name());
        if (u.contentType() != null) {
            o.put("contentType", u.contentType());
        }
        o.put("size", u.size());
        o.put("complete", u.complete());
        if (u.sha256() != null) {
            o.put("sha256", u.sha256());
        }
        return o;
    }
}
