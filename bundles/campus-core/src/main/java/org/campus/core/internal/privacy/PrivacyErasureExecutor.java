package org.campus.core.internal.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.campus.api.job.Job;
import org.campus.api.job.JobLogLevel;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.privacy.ProviderOutcome;
import org.campus.api.privacy.ProviderOutcome.Outcome;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.event.Events;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs erasure jobs: asks every expected provider, in name order, to delete the user's (or the
 * course's) data, and records each provider's outcome with the job's checkpoint. A resumed attempt
 * asks only the providers not done yet. A provider that fails, or that is expected but not
 * registered, is recorded with the reason and asked again by the next attempt; the job completes
 * only when every expected provider is done.
 */
@Component(service = JobExecutor.class, property = {
        JobExecutor.TYPE + "=" + PrivacyService.JOB_TYPE_USER_ERASURE,
        JobExecutor.TYPE + "=" + PrivacyService.JOB_TYPE_COURSE_PURGE })
public class PrivacyErasureExecutor implements JobExecutor {

    static final String USER_ID = "userId";
    static final String COURSE_ID = "courseId";

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyErasureExecutor.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");

    private final PrivacyRecords records;
    private final Events events;
    private final Clock clock;
    /**
     * One provider erasure at a time on this node. Providers delete in bulk, and two erasures at once
     * in one provider's tables deadlocked on Derby (table locks of cascading deletes; seen with four
     * erasure jobs at once in SecurityIT), which held requests of the same tables for Derby's 20 s of
     * deadlock detection. Erasures were one request at a time before they became jobs.
     */
    private final java.util.concurrent.locks.ReentrantLock erasing = new java.util.concurrent.locks.ReentrantLock();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<PrivacyProvider> providers = List.of();

    @Activate
    public PrivacyErasureExecutor(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference Events events) {
        this(new PrivacyRecords(dataSource), events, Clock.systemUTC());
    }

    PrivacyErasureExecutor(PrivacyRecords records, Events events, Clock clock) {
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    /** For tests outside OSGi: the providers registered now. */
    void providers(List<PrivacyProvider> registered) {
        this.providers = List.copyOf(registered);
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        Job job = context.job();
        boolean user = PrivacyService.JOB_TYPE_USER_ERASURE.equals(job.type());
        String subjectId = job.parameter(user ? USER_ID : COURSE_ID);
        if (subjectId == null) {
            return JobResult.failed("the job names no " + (user ? USER_ID : COURSE_ID));
        }
        Map<String, PrivacyProvider> registered = registered();
        for (PrivacyProvider p : registered.values()) {
            records.seen(p, clock.millis());
        }
        TreeSet<String> expected = new TreeSet<>(records.expected().keySet());
        expected.addAll(registered.keySet());
        Map<String, ProviderOutcome> outcomes = records.outcomes(job.id());
        int done = (int) expected.stream().filter(n -> outcomes.containsKey(n)
                && outcomes.get(n).outcome() == Outcome.DONE).count();
        context.progress(done, expected.size());

        List<String> problems = new ArrayList<>();
        for (String name : expected) {
            ProviderOutcome before = outcomes.get(name);
            if (before != null && before.outcome() == Outcome.DONE) {
                continue;
            }
            if (context.isCancelled()) {
                return JobResult.cancelled();
            }
            context.step(name);
            ProviderOutcome outcome;
            while (!erasing.tryLock(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (context.isCancelled()) {
                    return JobResult.cancelled();
                }
                context.heartbeat(); // waiting for another erasure is being alive
            }
            try {
                outcome = erase(registered().get(name), name, user, subjectId);
            } finally {
                erasing.unlock();
            }
            if (outcome.outcome() == Outcome.DONE) {
                context.progress(++done, expected.size());
                context.log(JobLogLevel.INFO, "{}: {} record(s) deleted", name, outcome.deleted());
            } else {
                problems.add(outcome.reason());
                context.log(JobLogLevel.WARN, outcome.reason());
            }
            context.checkpoint(name, null, c -> PrivacyRecords.record(c, job.id(), outcome));
        }
        if (!problems.isEmpty()) {
            return JobResult.retry(String.join("; ", problems));
        }
        int total = records.outcomes(job.id()).values().stream().mapToInt(ProviderOutcome::deleted).sum();
        AUDIT.info("{} of {} {} erased by job {} ({} records)", user ? "personal data" : "data",
                user ? "user" : "course", subjectId, job.id(), total);
        events.post(user ? PrivacyService.TOPIC_USER_DELETED : PrivacyService.TOPIC_COURSE_DELETED,
                user ? USER_ID : COURSE_ID, subjectId, "jobId", job.id(), "count", total);
        return JobResult.succeeded();
    }

    private ProviderOutcome erase(PrivacyProvider provider, String name, boolean user, String subjectId) {
        Instant now = clock.instant();
        if (provider == null) {
            return new ProviderOutcome(name, Outcome.ABSENT, 0,
                    "provider " + name + " is not registered (it was before; install it again, or forget it if it"
                            + " is gone for good)", now);
        }
        try {
            int deleted = user ? provider.deleteUser(subjectId) : provider.deleteCourse(subjectId);
            return new ProviderOutcome(name, Outcome.DONE, Math.max(0, deleted), null, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Privacy provider {} failed to erase {} {}", name, user ? "user" : "course", subjectId, e);
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            return new ProviderOutcome(name, Outcome.FAILED, 0, "provider " + name + " failed: " + message,
                    clock.instant());
        }
    }

    private Map<String, PrivacyProvider> registered() {
        Map<String, PrivacyProvider> byName = new TreeMap<>();
        List<PrivacyProvider> now = new ArrayList<>(providers);
        now.sort(Comparator.comparing(PrivacyProvider::name));
        now.forEach(p -> byName.putIfAbsent(p.name(), p));
        return byName;
    }

    static String subject(Job job) {
        return PrivacyService.JOB_TYPE_USER_ERASURE.equals(job.type()) ? ErasureReport.USER : ErasureReport.COURSE;
    }
}
