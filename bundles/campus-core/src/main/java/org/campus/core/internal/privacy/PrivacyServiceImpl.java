package org.campus.core.internal.privacy;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.job.Job;
import org.campus.api.job.JobService;
import org.campus.api.job.NewJob;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.privacy.ProviderInfo;
import org.campus.api.privacy.ProviderOutcome;
import org.campus.api.privacy.ProviderOutcome.Outcome;
import org.campus.core.internal.db.CampusSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates every registered {@link PrivacyProvider}, as they come and go, and remembers each one it
 * has seen, so that an erasure expects it until an admin forgets it. Erasures are jobs
 * ({@link PrivacyErasureExecutor} runs them).
 */
@Component(service = PrivacyService.class)
public class PrivacyServiceImpl implements PrivacyService {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyServiceImpl.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    private static final Set<String> TYPES = Set.of(JOB_TYPE_USER_ERASURE, JOB_TYPE_COURSE_PURGE);

    private final JobService jobs;
    private final PrivacyRecords records;
    private final Clock clock;
    private final List<PrivacyProvider> providers = new CopyOnWriteArrayList<>();

    @Activate
    public PrivacyServiceImpl(@Reference JobService jobs, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(jobs, new PrivacyRecords(dataSource), Clock.systemUTC());
    }

    PrivacyServiceImpl(JobService jobs, PrivacyRecords records, Clock clock) {
        this.jobs = jobs;
        this.records = records;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(PrivacyProvider provider) {
        providers.add(provider);
        try {
            records.seen(provider, clock.millis());
        } catch (SQLException | RuntimeException e) {
            // the erasure executor records it again when it runs
            LOG.warn("Privacy provider {} could not be recorded as expected: {}", provider.name(), e.toString());
        }
    }

    void unbindProvider(PrivacyProvider provider) {
        providers.remove(provider);
    }

    private List<PrivacyProvider> sorted() {
        List<PrivacyProvider> list = new ArrayList<>(providers);
        list.sort(Comparator.comparing(PrivacyProvider::name));
        return list;
    }

    @Override
    public List<ProviderInfo> providers() {
        Map<String, ProviderInfo> all = new TreeMap<>();
        expected().forEach((name, description) -> all.put(name, new ProviderInfo(name, description, false)));
        sorted().forEach(p -> all.put(p.name(), new ProviderInfo(p.name(), p.description(), true)));
        return List.copyOf(all.values());
    }

    @Override
    public List<PersonalData> exportUser(String userId) {
        String id = requireId("userId", userId);
        AUDIT.info("personal data of user {} exported", id);
        return sorted().stream().map(p -> p.exportUser(id)).collect(Collectors.toList());
    }

    @Override
    public ErasureReport deleteUser(String userId, String requestedBy) {
        String id = requireId("userId", userId);
        Job job = jobs.submit(new NewJob(JOB_TYPE_USER_ERASURE, requestedBy,
                Map.of(PrivacyErasureExecutor.USER_ID, id)));
        AUDIT.info("erasure of the personal data of user {} requested by {}: job {}", id, requestedBy, job.id());
        return report(job);
    }

    @Override
    public ErasureReport deleteCourse(String courseId, String requestedBy) {
        String id = requireId("courseId", courseId);
        Job job = jobs.submit(new NewJob(JOB_TYPE_COURSE_PURGE, requestedBy,
                Map.of(PrivacyErasureExecutor.COURSE_ID, id)));
        AUDIT.info("purge of the data of course {} requested by {}: job {}", id, requestedBy, job.id());
        return report(job);
    }

    @Override
    public Optional<ErasureReport> erasure(long jobId) {
        return jobs.find(jobId).filter(j -> TYPES.contains(j.type())).map(this::report);
    }

    @Override
    public void forgetProvider(String name) {
        if (sorted().stream().anyMatch(p -> p.name().equals(name))) {
            throw new ConflictException("privacy provider " + name + " is registered; only one that is gone can"
                    + " be forgotten");
        }
        try {
            if (!records.forget(name)) {
                throw NotFoundException.of("privacy provider", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("privacy provider " + name + " could not be forgotten: "
                    + e.getMessage(), e);
        }
        AUDIT.info("privacy provider {} forgotten: erasures no longer wait for it", name);
    }

    /** The job with each provider's outcome; expected providers not reached yet are pending while it has not ended. */
    private ErasureReport report(Job job) {
        Map<String, ProviderOutcome> outcomes;
        try {
            outcomes = new TreeMap<>(records.outcomes(job.id()));
        } catch (SQLException e) {
            throw new IllegalStateException("the outcomes of erasure " + job.id() + " could not be read: "
                    + e.getMessage(), e);
        }
        if (!job.state().isEnded()) {
            expected().keySet().forEach(n -> outcomes.putIfAbsent(n, new ProviderOutcome(n, Outcome.PENDING, 0, null,
                    null)));
            sorted().forEach(p -> outcomes.putIfAbsent(p.name(), new ProviderOutcome(p.name(), Outcome.PENDING, 0,
                    null, null)));
        }
        boolean user = JOB_TYPE_USER_ERASURE.equals(job.type());
        return new ErasureReport(job, PrivacyErasureExecutor.subject(job),
                job.parameter(user ? PrivacyErasureExecutor.USER_ID : PrivacyErasureExecutor.COURSE_ID),
                List.copyOf(outcomes.values()));
    }

    private Map<String, String> expected() {
        try {
            return records.expected();
        } catch (SQLException e) {
            throw new IllegalStateException("the expected privacy providers could not be read: " + e.getMessage(), e);
        }
    }

    private static String requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.length() > 255) {
            throw new InvalidInputException(field, "is longer than 255 characters");
        }
        // no trimming: "7\n" must not erase user 7's data, so such an id is refused rather than cleaned
        if (!value.equals(value.strip()) || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "must not hold control characters or surrounding white space");
        }
        return value;
    }
}
