package org.campus.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.job.Job;
import org.campus.api.job.JobState;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.privacy.ProviderInfo;
import org.campus.api.privacy.ProviderOutcome;

/**
 * A privacy service with canned answers that records what it was asked to delete. An erasure is
 * queued, then answers with {@link #outcomes} once {@link #polls} looks have passed.
 */
final class FakePrivacyService implements PrivacyService {

    List<ProviderInfo> providers = List.of();
    List<PersonalData> export = List.of();
    List<ProviderOutcome> outcomes = List.of();
    JobState endState = JobState.COMPLETED;
    String endReason;
    int polls = 1;
    final List<String> calls = new ArrayList<>();
    private String subject;
    private String subjectId;
    private int looked;

    static Job job(JobState state, String reason) {
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        return new Job(9, "privacy.user-erasure", "admin", state, state.isEnded() ? 100 : 0, 0, 0, null, null, 1, 0,
                null, false, null, Map.of(), t, t, null, null, null, reason);
    }

    @Override
    public List<ProviderInfo> providers() {
        return providers;
    }

    @Override
    public List<PersonalData> exportUser(String userId) {
        calls.add("exportUser " + userId);
        return export;
    }

    @Override
    public ErasureReport deleteUser(String userId, String requestedBy) {
        calls.add("deleteUser " + userId);
        subject = ErasureReport.USER;
        subjectId = userId;
        return new ErasureReport(job(JobState.QUEUED, null), subject, userId, List.of());
    }

    @Override
    public ErasureReport deleteCourse(String courseId, String requestedBy) {
        calls.add("deleteCourse " + courseId);
        subject = ErasureReport.COURSE;
        subjectId = courseId;
        return new ErasureReport(job(JobState.QUEUED, null), subject, courseId, List.of());
    }

    @Override
    public Optional<ErasureReport> erasure(long jobId) {
        looked++;
        return Optional.of(looked >= polls ? new ErasureReport(job(endState, endReason), subject, subjectId, outcomes)
                : new ErasureReport(job(JobState.RUNNING, null), subject, subjectId, List.of()));
    }

    @Override
    public void forgetProvider(String name) {
        calls.add("forgetProvider " + name);
    }
}
