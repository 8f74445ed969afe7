package org.campus.core.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.job.JobState;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.privacy.ProviderInfo;
import org.campus.api.privacy.ProviderOutcome;
import org.campus.api.privacy.ProviderOutcome.Outcome;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.job.JobEngine;
import org.campus.core.internal.job.JobSettings;
import org.campus.core.internal.job.JobTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.event.Event;

/** Erasures as jobs on the real engine and database: each provider's outcome, failures and absences. */
class PrivacyServiceImplTest {

    private static final JobTestDatabase db = new JobTestDatabase();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final Events events = Events.unfiltered(eventAdmin);
    private final JobEngine jobs = new JobEngine(db.dataSource(), new JobSettings(2, Duration.ofMillis(100), 4,
            JobSettings.DeadJobAction.RETRY, 2, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), "n1",
            Duration.ofSeconds(5), Duration.ofMillis(500)), events, Clock.systemUTC());
    private final PrivacyRecords records = new PrivacyRecords(db.dataSource());
    private final PrivacyErasureExecutor executor = new PrivacyErasureExecutor(records, events, Clock.systemUTC());
    private final PrivacyServiceImpl privacy = new PrivacyServiceImpl(jobs, records, Clock.systemUTC());

    private final Recording shares = new Recording("share-progress");
    private final Recording workflows = new Recording("workflow");

    /** A provider that records what it is asked to erase, and fails while told to. */
    static final class Recording implements PrivacyProvider {
        final String name;
        final List<String> erasedUsers = new CopyOnWriteArrayList<>();
        final List<String> purgedCourses = new CopyOnWriteArrayList<>();
        volatile String failure;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "records what it is asked to erase";
        }

        @Override
        public PersonalData exportUser(String userId) {
            return new PersonalData(name, description(), List.of(Map.of("userId", userId)));
        }

        @Override
        public int deleteUser(String userId) {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            erasedUsers.add(userId);
            return 2;
        }

        @Override
        public int deleteCourse(String courseId) {
            purgedCourses.add(courseId);
            return 3;
        }
    }

    private void register(PrivacyProvider... providers) {
        for (PrivacyProvider p : providers) {
            privacy.bindProvider(p);
        }
        executor.providers(List.of(providers));
    }

    private void unregister(PrivacyProvider provider, PrivacyProvider... remaining) {
        privacy.unbindProvider(provider);
        executor.providers(List.of(remaining));
    }

    private void start() {
        jobs.addExecutor(executor, List.of(PrivacyService.JOB_TYPE_USER_ERASURE, PrivacyService.JOB_TYPE_COURSE_PURGE));
        jobs.start();
    }

    @AfterEach
    void stop() {
        jobs.stop();
        db.clearJobs();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private ErasureReport awaitEnd(long jobId) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            ErasureReport r = privacy.erasure(jobId).orElseThrow();
            if (r.job().state().isEnded()) {
                return r;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("erasure " + jobId + " did not end");
    }

    private static Map<String, Outcome> outcomes(ErasureReport r) {
        return r.providers().stream().collect(Collectors.toMap(ProviderOutcome::provider, ProviderOutcome::outcome));
    }

    @Test
    void erasesExactlyTheIdGivenInEveryProviderAsAJob() throws Exception {
        register(shares, workflows);
        start();

        ErasureReport queued = privacy.deleteUser("7", "admin");
        assertEquals(ErasureReport.USER, queued.subject());
        assertEquals("7", queued.subjectId());
        assertEquals("admin", queued.job().owner());
        assertEquals(PrivacyService.JOB_TYPE_USER_ERASURE, queued.job().type());
        ErasureReport done = awaitEnd(queued.job().id());
        ErasureReport purge = awaitEnd(privacy.deleteCourse("c-12", "moodle (key k1)").job().id());

        assertEquals(JobState.COMPLETED, done.job().state());
        assertEquals(Map.of("share-progress", Outcome.DONE, "workflow", Outcome.DONE), outcomes(done));
        assertEquals(4, done.total());
        assertEquals(6, purge.total());
        assertEquals(List.of("7"), shares.erasedUsers);
        assertEquals(List.of("7"), workflows.erasedUsers);
        assertEquals(List.of("c-12"), shares.purgedCourses);
        List<Event> deleted = eventAdmin.events().stream()
                .filter(e -> e.getTopic().startsWith("campus/privacy/")).collect(Collectors.toList());
        assertEquals(List.of(PrivacyService.TOPIC_USER_DELETED, PrivacyService.TOPIC_COURSE_DELETED),
                deleted.stream().map(Event::getTopic).collect(Collectors.toList()));
        assertEquals("7", deleted.get(0).getProperty("userId"));
        assertEquals(4, deleted.get(0).getProperty("count"));
        assertTrue(privacy.erasure(done.job().id() + 999).isEmpty());
    }

    @Test
    void aFailingProviderDoesNotStopTheOthersAndIsAskedAgainByTheRetry() throws Exception {
        shares.failure = "database of shares unreachable";
        register(shares, workflows);
        start();

        long id = privacy.deleteUser("7", "admin").job().id();
        ErasureReport failed = awaitEnd(id);

        assertEquals(JobState.FAILED, failed.job().state());
        assertTrue(failed.job().reason().contains("provider share-progress failed: database of shares unreachable"),
                failed.job().reason());
        assertEquals(Map.of("share-progress", Outcome.FAILED, "workflow", Outcome.DONE), outcomes(failed));
        assertEquals(List.of("7"), workflows.erasedUsers, "asked once: the second attempt skipped it");

        shares.failure = null;
        jobs.retry(id);
        ErasureReport done = awaitEnd(id);
        assertEquals(JobState.COMPLETED, done.job().state());
        assertEquals(Map.of("share-progress", Outcome.DONE, "workflow", Outcome.DONE), outcomes(done));
        assertEquals(List.of("7"), workflows.erasedUsers);
        assertEquals(List.of("7"), shares.erasedUsers);
    }

    @Test
    void anExpectedProviderThatIsAbsentHoldsTheErasureUntilItIsForgotten() throws Exception {
        register(shares, workflows);
        unregister(workflows, shares);
        start();

        assertEquals(List.of(new ProviderInfo("share-progress", shares.description(), true),
                new ProviderInfo("workflow", workflows.description(), false)), privacy.providers());
        long id = privacy.deleteUser("7", "admin").job().id();
        ErasureReport failed = awaitEnd(id);

        assertEquals(JobState.FAILED, failed.job().state());
        assertTrue(failed.job().reason().contains("provider workflow is not registered"), failed.job().reason());
        ProviderOutcome absent = failed.providers().stream().filter(p -> p.provider().equals("workflow"))
                .findFirst().orElseThrow();
        assertEquals(Outcome.ABSENT, absent.outcome());
        assertThrows(ConflictException.class, () -> privacy.forgetProvider("share-progress"));
        assertThrows(NotFoundException.class, () -> privacy.forgetProvider("never-seen"));

        privacy.forgetProvider("workflow");
        jobs.retry(id);
        ErasureReport done = awaitEnd(id);
        assertEquals(JobState.COMPLETED, done.job().state());
        assertEquals(List.of("7"), shares.erasedUsers);
        assertEquals(List.of(new ProviderInfo("share-progress", shares.description(), true)), privacy.providers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7\n", " 7", "7 ", "7\u0000", "\t7", "7\r\nX-Injected: 1", ""})
    void refusesIdsThatOnlyLookLikeAnother(String id) {
        register(shares);
        start();
        InvalidInputException user = assertThrows(InvalidInputException.class, () -> privacy.deleteUser(id, "admin"));
        assertEquals("userId", user.errors().get(0).field());
        InvalidInputException course = assertThrows(InvalidInputException.class,
                () -> privacy.deleteCourse(id, "admin"));
        assertEquals("courseId", course.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> privacy.exportUser(id));
        assertEquals(List.of(), shares.erasedUsers, "nobody's data was erased");
        assertEquals(0, jobs.list(org.campus.api.job.JobQuery.all(), org.campus.api.PageRequest.first(10)).items()
                .size(), "no job was submitted");
    }
}
