package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.console.Session;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.ProviderInfo;
import org.campus.api.privacy.ProviderOutcome;
import org.junit.jupiter.api.Test;

class PrivacyCommandsTest {

    private final FakePrivacyService privacy = new FakePrivacyService();
    private final Output output = new Output();
    private final List<String> prompts = new ArrayList<>();

    /** A session whose user answers every question with {@code answer}. */
    private Session answering(String answer) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("readLine")) {
                        prompts.add((String) args[0]);
                        return answer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private PrivacyDeleteUserCommand deleteUser(String userId, boolean force, String answer) {
        PrivacyDeleteUserCommand command = new PrivacyDeleteUserCommand();
        command.privacy = privacy;
        command.session = answering(answer);
        command.userId = userId;
        command.force = force;
        command.poll = java.time.Duration.ofMillis(1);
        return command;
    }

    private static ProviderOutcome done(String provider, int deleted) {
        return new ProviderOutcome(provider, ProviderOutcome.Outcome.DONE, deleted, null,
                java.time.Instant.parse("2026-12-02T10:00:01Z"));
    }

    @Test
    void providersAreListedWithThoseExpectedButGone() throws Exception {
        privacy.providers = List.of(new ProviderInfo("files", "Uploaded files.", false),
                new ProviderInfo("share-progress", "Shares a user made.", true));
        PrivacyProvidersCommand command = new PrivacyProvidersCommand();
        command.privacy = privacy;

        output.run(command);

        List<String> lines = output.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("files") && l.contains(" no ")), output.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("share-progress") && l.contains(" yes ")), output.out());
        assertTrue(output.out().contains("Shares a user made."), output.out());
    }

    @Test
    void aProviderGoneForGoodIsForgotten() throws Exception {
        PrivacyProviderForgetCommand command = new PrivacyProviderForgetCommand();
        command.privacy = privacy;
        command.name = "files";

        output.run(command);

        assertEquals(List.of("forgetProvider files"), privacy.calls);
        assertTrue(output.out().contains("forgotten"), output.out());
    }

    @Test
    void aFailedErasureShowsEachProvidersOutcomeAndTheReason() throws Exception {
        privacy.endState = org.campus.api.job.JobState.FAILED;
        privacy.endReason = "provider files is not registered";
        privacy.outcomes = List.of(new ProviderOutcome("files", ProviderOutcome.Outcome.ABSENT, 0,
                "provider files is not registered", null), done("share-progress", 3));

        output.run(deleteUser("7", true, null));

        String out = output.out();
        assertTrue(out.contains("Erasure job 9 queued."), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("files") && l.contains("absent")), out);
        assertTrue(out.contains("Job 9 failed: provider files is not registered"), out);
    }

    @Test
    void withoutWaitingTheJobIsNamedToFollow() throws Exception {
        privacy.polls = 1000;
        PrivacyDeleteUserCommand command = deleteUser("7", true, null);
        command.waitSeconds = 0;

        output.run(command);

        assertTrue(output.out().contains("Job 9 is still queued; follow it with campus:job-show 9."), output.out());
    }

    @Test
    void exportPrintsEveryProvider() throws Exception {
        privacy.export = List.of(
                new PersonalData("share-progress", "Shares.", List.of(Map.of("id", 4))),
                new PersonalData("files", "Files.", List.of()));
        PrivacyExportCommand command = new PrivacyExportCommand();
        command.privacy = privacy;
        command.userId = "7";

        output.run(command);

        assertEquals(List.of("share-progress (1 record)", "  Shares.", "  #1", "    id=4", "",
                "files (0 records)", "  Files."), output.out().lines().toList());
        assertEquals(List.of("exportUser 7"), privacy.calls);
    }

    @Test
    void forcedDeleteDoesNotAskAndFollowsTheJob() throws Exception {
        privacy.polls = 3;
        privacy.outcomes = List.of(done("files", 2), done("share-progress", 3));

        output.run(deleteUser("7", true, "no"));

        assertEquals(List.of("deleteUser 7"), privacy.calls);
        assertEquals(List.of(), prompts);
        String out = output.out();
        assertTrue(out.indexOf("files") < out.indexOf("share-progress"), out);
        assertTrue(out.lines().anyMatch("Job 9: running 0%"::equals), out);
        assertTrue(out.lines().anyMatch("Job 9 completed"::equals), out);
        assertTrue(out.lines().anyMatch("Deleted 5 records in total."::equals), out);
    }

    @Test
    void deleteAsksAndStopsUnlessYes() throws Exception {
        output.run(deleteUser("7", false, "no"));

        assertEquals(List.of(), privacy.calls);
        assertEquals("Aborted: nothing was deleted.", output.out().strip());
        assertEquals(1, prompts.size());
        assertTrue(prompts.get(0).contains("user 7"), prompts.get(0));
        assertTrue(prompts.get(0).contains("'yes'"), prompts.get(0));
    }

    @Test
    void deleteGoesAheadOnYes() throws Exception {
        output.run(deleteUser("7", false, "yes"));

        assertEquals(List.of("deleteUser 7"), privacy.calls);
    }

    @Test
    void deleteCourseAsksAboutTheCourse() throws Exception {
        PrivacyDeleteCourseCommand command = new PrivacyDeleteCourseCommand();
        command.privacy = privacy;
        command.session = answering("yes");
        command.courseId = "5";
        command.poll = java.time.Duration.ofMillis(1);
        privacy.outcomes = List.of(done("share-progress", 1));

        output.run(command);

        assertEquals(List.of("deleteCourse 5"), privacy.calls);
        assertTrue(prompts.get(0).contains("course 5"), prompts.get(0));
        assertTrue(output.out().lines().anyMatch("Deleted 1 record in total."::equals), output.out());
    }
}
