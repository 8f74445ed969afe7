package org.campus.rest.internal.job;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobQuery;
import org.campus.api.job.JobService;
import org.campus.api.job.JobState;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /jobs}: the long tasks of every service, their log, cancel, retry and delete. */
@Component(service = ApiResource.class, immediate = true)
public class JobsResource implements ApiResource {

    static final String SCOPE = "jobs";
    private static final String BASE = "/jobs";
    private static final String STATES = Arrays.stream(JobState.values()).map(JobState::code)
            .collect(Collectors.joining(", "));
    private static final String LEVELS = Arrays.stream(JobLogLevel.values()).map(JobLogLevel::code)
            .collect(Collectors.joining(", "));

    private final JobService jobs;
    private final JobJson out = new JobJson(new Json());

    @Activate
    public JobsResource(@Reference JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, BASE, Access.read(SCOPE), this::list)
                .add(Method.GET, BASE + "/{id}", Access.read(SCOPE), this::get)
                .add(Method.GET, BASE + "/{id}/log", Access.read(SCOPE), this::log)
                .add(Method.POST, BASE + "/{id}/cancel", Access.write(SCOPE), this::cancel)
                .add(Method.POST, BASE + "/{id}/retry", Access.write(SCOPE), this::retry)
                .add(Method.DELETE, BASE + "/{id}", Access.write(SCOPE), this::delete);
    }

    private Reply list(ApiRequest request) {
        JobState state = null;
        String s = request.query("state");
        if (s != null) {
            state = JobState.fromCode(s).orElseThrow(() -> new InvalidInputException("state", "must be one of " + STATES));
        }
        JobQuery query = new JobQuery(bounded(request, "type", 64), bounded(request, "owner", 255), state,
                request.queryInstant("createdFrom"), request.queryInstant("createdTo"));
        return Reply.ok(out.page(jobs.list(query, request.page())));
    }

    private Reply get(ApiRequest request) {
        long id = request.pathId("id", "job");
        return Reply.ok(out.job(jobs.find(id).orElseThrow(() -> NotFoundException.of("job", id))));
    }

    private Reply log(ApiRequest request) {
        long id = request.pathId("id", "job");
        JobLogLevel level = null;
        String l = request.query("level");
        if (l != null) {
            level = JobLogLevel.fromCode(l).orElseThrow(() -> new InvalidInputException("level", "must be one of "
                    + LEVELS));
        }
        return Reply.ok(out.logPage(jobs.log(id, level, request.page())));
    }

    private Reply cancel(ApiRequest request) {
        return Reply.ok(out.job(jobs.cancel(request.pathId("id", "job"))));
    }

    private Reply retry(ApiRequest request) {
        return Reply.ok(out.job(jobs.retry(request.pathId("id", "job"))));
    }

    private Reply delete(ApiRequest request) {
        jobs.delete(request.pathId("id", "job"));
        return Reply.noContent();
    }

    private static String bounded(ApiRequest request, String name, int max) {
        String v = request.query(name);
        if (v != null && (v.length() > max || v.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException(name, "must be at most " + max + " printable characters");
        }
        return v;
    }
}
