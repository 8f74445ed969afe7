package org.campus.transfer.moodle.internal;

import static org.campus.transfer.moodle.internal.MoodleFixture.CHEMISTRY;
import static org.campus.transfer.moodle.internal.MoodleFixture.GROUP_A;
import static org.campus.transfer.moodle.internal.MoodleFixture.LAB_1;
import static org.campus.transfer.moodle.internal.MoodleFixture.LAB_2;
import static org.campus.transfer.moodle.internal.MoodleFixture.MATHS;
import static org.campus.transfer.moodle.internal.MoodleFixture.NON_EDITING_TEACHER;
import static org.campus.transfer.moodle.internal.MoodleFixture.OTHER;
import static org.campus.transfer.moodle.internal.MoodleFixture.PHYSICS;
import static org.campus.transfer.moodle.internal.MoodleFixture.SOURCE;
import static org.campus.transfer.moodle.internal.MoodleFixture.SOURCE_USER;
import static org.campus.transfer.moodle.internal.MoodleFixture.STUDENT;
import static org.campus.transfer.moodle.internal.MoodleFixture.TARGET;
import static org.campus.transfer.moodle.internal.MoodleFixture.TARGET_USER;
import static org.campus.transfer.moodle.internal.MoodleFixture.TEACHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.campus.api.workflow.LmsId;
import org.campus.spi.LogLevel;
import org.campus.spi.ProviderHealth;
import org.campus.spi.transfer.Conflict;
import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.ObjectFate;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.ResolutionOption;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRefusal;
import org.campus.testkit.transfer.TransferHarness;
import org.campus.testkit.transfer.TransferRun;
import org.campus.testkit.transfer.UndoReport;
import org.campus.testkit.transfer.VerificationReport;
import org.campus.testkit.transfer.VerificationReport.Counts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Moodle provider against a fake Moodle site holding the {@link MoodleFixture} data. */
class MoodleTransferProviderTest {

    private static FakeMoodle lms;
    private TransferHarness harness;

    @BeforeAll
    static void start() throws Exception {
        lms = new FakeMoodle();
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @BeforeEach
    void site() {
        MoodleFixture.seed(lms.reset());
        harness = harness(10);
    }

    private TransferHarness harness(int requestTimeoutSeconds) {
        return new TransferHarness(new MoodleTransferProvider(lms.settings(requestTimeoutSeconds)), SOURCE_USER,
                TARGET_USER);
    }

    private TransferItem item(List<TransferItem> items, long courseId) {
        return items.stream().filter(i -> i.id().equals("enrolment:" + courseId)).findFirst().orElseThrow();
    }

    private TransferRun transfer(long courseId, Resolution resolution) throws TransferException {
        TransferItem item = item(harness.list(), courseId);
        return harness.transfer(List.of(item), resolution == null ? Map.of() : Map.of(item.id(), resolution));
    }

    private Set<Long> roles(long userId, long courseId) {
        return lms.state().roles().stream().filter(r -> r.userId() == userId && r.courseId() == courseId)
                .map(FakeMoodle.RoleAssignment::roleId).collect(Collectors.toSet());
    }

    private Set<Long> groups(long userId) {
        return lms.state().groups().stream().filter(g -> g.userId() == userId).map(FakeMoodle.GroupMember::groupId)
                .collect(Collectors.toSet());
    }

    private boolean enrolled(long userId, long courseId) {
        return lms.state().enrolments().contains(new FakeMoodle.Enrolment(userId, courseId));
    }

    // ---- preview ----------------------------------------------------------------------------

    @Test
    void previewListsOneItemPerCourseOfTheSourceWithItsRolesAndGroups() throws Exception {
        FakeMoodle.State before = lms.state();
        List<TransferItem> items = harness.list();

        assertEquals(List.of("enrolment:11", "enrolment:12", "enrolment:13"), items.stream().map(TransferItem::id).toList());
        TransferItem physics = items.get(0);
        assertEquals("enrolment", physics.type());
        assertEquals("Physics 101 (PHY101)", physics.title());
        assertTrue(physics.info().startsWith("Roles: student. Groups: Group A."), physics.info());
        assertTrue(physics.info().contains("Grades and activity data in the course stay with the source account"));
        assertEquals(Map.of("courseId", "11", "roles", "5", "groups", "31"), physics.parameters());
        assertEquals(Set.of(LmsId.of(PHYSICS)), physics.courses());
        assertFalse(physics.irreversible());
        assertTrue(physics.conflict().isEmpty(), "the target is not in Physics");
        assertTrue(items.get(2).conflict().isEmpty(), "the target is not in Maths");
        assertEquals(before, lms.state(), "a preview changes nothing");
        assertTrue(lms.functionsCalled().stream().allMatch(f -> f.startsWith("core_enrol_get")
                || f.startsWith("core_user_get") || f.equals(MoodleApi.SITE_INFO)),
                "a preview only reads: " + lms.functionsCalled());
    }

    @Test
    void bothEnrolledInACourseIsAConflictOfferingKeepSourceKeepTargetMergeAndSkip() throws Exception {
        TransferItem chemistry = item(harness.list(), CHEMISTRY);

        Conflict conflict = chemistry.conflict().orElseThrow();
        assertTrue(conflict.description().contains("the target is enrolled with roles student and groups Lab 2"),
                conflict.description());
        assertEquals(List.of(Resolution.KEEP_SOURCE, Resolution.KEEP_TARGET, Resolution.MERGE, Resolution.SKIP),
                conflict.options().stream().map(ResolutionOption::resolution).toList(),
                "keep both is not offered: an account holds one enrolment per course");
        assertEquals(Resolution.MERGE, conflict.recommended().orElseThrow());
        assertTrue(conflict.option(Resolution.MERGE).orElseThrow().effect()
                .contains("roles Non-editing teacher, student, groups Lab 1, Lab 2"),
                conflict.option(Resolution.MERGE).orElseThrow().effect());
        assertTrue(conflict.options().stream().noneMatch(ResolutionOption::irreversible));
    }

    @Test
    void aRoleOfTheTargetWithoutAnEnrolmentIsAConflictToo() throws Exception {
        lms.assign(TARGET, MATHS, TEACHER);
        Conflict conflict = item(harness.list(), MATHS).conflict().orElseThrow();
        assertTrue(conflict.description().contains("not enrolled, but holds roles or groups with roles Teacher"),
                conflict.description());
    }

    @Test
    void aUserIdThatIsNoWholeNumberIsRefusedWithAnAdminMessage() {
        TransferHarness strange = new TransferHarness(new MoodleTransferProvider(lms.settings(10)),
                new TransferUser(LmsId.of("ada@example.org"), "Ada"), TARGET_USER);
        TransferException e = assertThrows(TransferException.class, strange::list);
        assertTrue(e.adminMessage().contains("Moodle identifies users by whole numbers"), e.adminMessage());
        assertTrue(lms.calls().isEmpty(), "nothing asked of the LMS");
    }

    // ---- transfer ---------------------------------------------------------------------------

    @Test
    void aCourseWithoutConflictMovesWithItsRolesAndGroups() throws Exception {
        TransferRun run = transfer(PHYSICS, null);

        assertEquals(Map.of("enrolment:11", ItemOutcome.TRANSFERRED), run.outcomes());
        assertTrue(enrolled(TARGET, PHYSICS));
        assertEquals(Set.of(STUDENT), roles(TARGET, PHYSICS));
        assertTrue(groups(TARGET).contains(GROUP_A));
        assertFalse(enrolled(SOURCE, PHYSICS));
        assertEquals(Set.of(), roles(SOURCE, PHYSICS));
        assertFalse(groups(SOURCE).contains(GROUP_A));
        assertTrue(enrolled(OTHER, PHYSICS) && groups(OTHER).contains(GROUP_A), "Grace is untouched");

        UndoRecord record = run.record("enrolment:11").orElseThrow();
        assertEquals(List.of("MOVED enrolment course:11 101>202", "MOVED role-assignment course:11/role:5 101>202",
                "MOVED group-membership course:11/group:31 101>202"), describe(record.changes()));
        assertEquals(record, run.preparedRecord("enrolment:11").orElseThrow(), "the record was prepared first");
    }

    @Test
    void theTokenTravelsInTheBodyAndArraysAsMoodleReadsThem() throws Exception {
        transfer(PHYSICS, null);
        FakeMoodle.Call enrol = lms.calls().stream().filter(c -> c.function().equals(MoodleApi.ENROL)).findFirst()
                .orElseThrow();
        assertFalse(enrol.query().contains("wstoken"), "the token is not in the URL: " + enrol.query());
        assertTrue(enrol.query().contains("moodlewsrestformat=json"));
        assertEquals(FakeMoodle.TOKEN, enrol.params().get("wstoken"));
        assertEquals("5", enrol.params().get("enrolments[0][roleid]"));
        assertEquals("202", enrol.params().get("enrolments[0][userid]"));
        assertEquals("11", enrol.params().get("enrolments[0][courseid]"));
        FakeMoodle.Call group = lms.calls().stream()
                .filter(c -> c.function().equals(MoodleApi.ADD_GROUP_MEMBERS)).findFirst().orElseThrow();
        assertEquals("31", group.params().get("members[0][groupid]"));
        assertEquals(List.of(MoodleApi.COURSE_USER_PROFILES, MoodleApi.ENROL, MoodleApi.ADD_GROUP_MEMBERS,
                MoodleApi.DELETE_GROUP_MEMBERS, MoodleApi.UNASSIGN_ROLES, MoodleApi.UNENROL),
                lms.functionsCalled().subList(lms.functionsCalled().indexOf(MoodleApi.ENROL) - 1,
                        lms.functionsCalled().size()),
                "the target gains everything before the source loses anything");
    }

    @Test
    void keepSourceReplacesTheTargetsRolesAndGroups() throws Exception {
        TransferRun run = transfer(CHEMISTRY, Resolution.KEEP_SOURCE);

        assertEquals(Map.of("enrolment:12", ItemOutcome.TRANSFERRED), run.outcomes());
        assertEquals(Set.of(STUDENT, NON_EDITING_TEACHER), roles(TARGET, CHEMISTRY));
        assertTrue(groups(TARGET).contains(LAB_1));
        assertFalse(groups(TARGET).contains(LAB_2), "the target's own group is replaced");
        assertFalse(enrolled(SOURCE, CHEMISTRY));
        assertEquals(List.of("MOVED enrolment course:12 101>202", "MOVED role-assignment course:12/role:4 101>202",
                "MOVED role-assignment course:12/role:5 101>202", "MOVED group-membership course:12/group:33 101>202",
                "KEPT enrolment course:12 202>202", "KEPT role-assignment course:12/role:5 202>202",
                "DELETED group-membership course:12/group:34 202>-"),
                describe(run.record("enrolment:12").orElseThrow().changes()));
    }

    @Test
    void keepTargetLeavesTheTargetAsItIsAndRemovesTheSourcesFromTheCourse() throws Exception {
        FakeMoodle.State before = lms.state();
        TransferRun run = transfer(CHEMISTRY, Resolution.KEEP_TARGET);

        assertEquals(Map.of("enrolment:12", ItemOutcome.TRANSFERRED), run.outcomes());
        assertEquals(Set.of(STUDENT), roles(TARGET, CHEMISTRY));
        assertTrue(groups(TARGET).contains(LAB_2) && !groups(TARGET).contains(LAB_1));
        assertFalse(enrolled(SOURCE, CHEMISTRY));
        List<String> changes = describe(run.record("enrolment:12").orElseThrow().changes());
        assertTrue(changes.contains("DELETED role-assignment course:12/role:4 101>-"), changes.toString());
        assertTrue(changes.contains("KEPT group-membership course:12/group:34 202>202"), changes.toString());
        assertTrue(harness.undo(run).refused().isEmpty());
        assertEquals(before, lms.state(), "the source's removed enrolment comes back from the record");
    }

    @Test
    void mergeGivesTheTargetTheRolesAndGroupsOfBoth() throws Exception {
        transfer(CHEMISTRY, Resolution.MERGE);
        assertEquals(Set.of(STUDENT, NON_EDITING_TEACHER), roles(TARGET, CHEMISTRY));
        assertTrue(groups(TARGET).containsAll(Set.of(LAB_1, LAB_2)));
        assertFalse(enrolled(SOURCE, CHEMISTRY));
    }

    @Test
    void skipChangesNothing() throws Exception {
        FakeMoodle.State before = lms.state();
        TransferRun run = transfer(CHEMISTRY, Resolution.SKIP);
        assertEquals(Map.of("enrolment:12", ItemOutcome.SKIPPED), run.outcomes());
        assertEquals(before, lms.state());
        assertTrue(lms.calls().stream().noneMatch(c -> c.function().startsWith("enrol_manual")));
    }

    @Test
    void keepBothIsNotOfferedAndFailsTheItemWithoutChangingAnything() throws Exception {
        FakeMoodle.State before = lms.state();
        TransferRun run = transfer(CHEMISTRY, Resolution.KEEP_BOTH);
        assertEquals(Map.of("enrolment:12", ItemOutcome.FAILED), run.outcomes());
        assertTrue(run.failure("enrolment:12").orElseThrow().adminMessage().contains("keep both is not offered"));
        assertTrue(run.record("enrolment:12").isEmpty());
        assertEquals(before, lms.state());
    }

    @Test
    void aConflictAppearingSinceThePreviewFailsTheItemRatherThanGuess() throws Exception {
        List<TransferItem> items = harness.list();
        lms.enrol(TARGET, PHYSICS, TEACHER);
        FakeMoodle.State before = lms.state();

        TransferRun run = harness.transfer(List.of(item(items, PHYSICS), item(items, MATHS)), Map.of());

        assertEquals(ItemOutcome.FAILED, run.outcome("enrolment:11").orElseThrow());
        assertTrue(run.failure("enrolment:11").orElseThrow().adminMessage().contains("since the preview"));
        assertEquals(ItemOutcome.TRANSFERRED, run.outcome("enrolment:13").orElseThrow(), "the next item goes on");
        assertEquals(Set.of(TEACHER), roles(TARGET, PHYSICS), "the target's new enrolment untouched");
        assertTrue(enrolled(SOURCE, PHYSICS));
        assertFalse(before.equals(lms.state()));
    }

    @Test
    void anAccountWithoutRolesIsEnrolledWithTheConfiguredRoleWhichIsThenRemoved() throws Exception {
        lms.unassign(SOURCE, MATHS, STUDENT);
        transfer(MATHS, null);
        assertTrue(enrolled(TARGET, MATHS));
        assertEquals(Set.of(), roles(TARGET, MATHS));
        assertTrue(lms.functionsCalled().contains(MoodleApi.UNASSIGN_ROLES));
    }

    @Test
    void aSourceTheLmsDoesNotShowInTheCourseFailsTheItem() throws Exception {
        List<TransferItem> items = harness.list();
        lms.hideProfile(SOURCE);
        FakeMoodle.State before = lms.state();
        TransferRun run = harness.transfer(List.of(item(items, MATHS)), Map.of());
        assertEquals(ItemOutcome.FAILED, run.outcome("enrolment:13").orElseThrow());
        assertTrue(run.failure("enrolment:13").orElseThrow().adminMessage().contains("no longer enrolled"));
        assertEquals(before, lms.state());
    }

    // ---- verification -----------------------------------------------------------------------

    @Test
    void verificationCountsWhatMovedStayedAndWasRemovedPerObjectType() throws Exception {
        List<TransferItem> items = harness.list();
        TransferRun run = harness.transfer(items, Map.of("enrolment:12", Resolution.KEEP_TARGET));

        VerificationReport report = harness.verify(run);
        assertTrue(report.consistent(), report.findings().toString());
        // Physics and Maths moved; Chemistry: the source's enrolment, 2 roles and Lab 1 removed, the target's kept
        assertEquals(new Counts(2, 1, 1, 0), report.counts("enrolment"));
        assertEquals(new Counts(2, 1, 2, 0), report.counts("role-assignment"));
        assertEquals(new Counts(1, 1, 1, 0), report.counts("group-membership"));
    }

    @Test
    void verificationOfASkippedItemCountsItsObjectsAsStayed() throws Exception {
        TransferRun run = transfer(CHEMISTRY, Resolution.SKIP);
        VerificationReport report = harness.verify(run);
        assertTrue(report.consistent(), report.findings().toString());
        assertEquals(new Counts(0, 1, 0, 0), report.counts("enrolment"));
        assertEquals(new Counts(0, 2, 0, 0), report.counts("role-assignment"));
        assertEquals(new Counts(0, 1, 0, 0), report.counts("group-membership"));
    }

    @Test
    void verificationFindsWhatWasLostOrPutBackSinceTheTransfer() throws Exception {
        TransferRun run = transfer(PHYSICS, null);
        lms.leave(TARGET, GROUP_A);
        lms.assign(SOURCE, PHYSICS, STUDENT);

        VerificationReport report = harness.verify(run);
        assertFalse(report.consistent());
        assertEquals(new Counts(0, 0, 0, 1), report.counts("group-membership"));
        assertEquals(new Counts(1, 0, 0, 0), report.counts("role-assignment"), "the target still has the role");
        VerificationReport.ObjectReport lost = report.findings().get(0);
        assertEquals("course:11/group:31", lost.objectId());
        assertEquals(ObjectFate.MOVED, lost.expected());
        assertEquals(ObjectFate.LOST, lost.actual());
        assertTrue(lost.detail().contains("neither with the target nor with the source"), lost.detail());
    }

    // ---- undo -------------------------------------------------------------------------------

    @Test
    void undoRestoresTheExactStateBeforeForEveryResolution() throws Exception {
        for (Resolution resolution : List.of(Resolution.KEEP_SOURCE, Resolution.KEEP_TARGET, Resolution.MERGE)) {
            MoodleFixture.seed(lms.reset());
            harness = harness(10);
            FakeMoodle.State before = lms.state();
            List<TransferItem> items = harness.list();
            TransferRun run = harness.transfer(items, Map.of("enrolment:12", resolution));
            assertFalse(before.equals(lms.state()));

            UndoReport undo = harness.undo(run);
            assertEquals(Set.of("enrolment:11", "enrolment:12", "enrolment:13"), undo.undone(), resolution.name());
            assertEquals(before, lms.state(), "undo after " + resolution);
        }
    }

    @Test
    void undoRefusesACourseChangedSinceAndUndoesTheOthers() throws Exception {
        FakeMoodle.State before = lms.state();
        List<TransferItem> items = harness.list();
        TransferRun run = harness.transfer(List.of(item(items, PHYSICS), item(items, MATHS)), Map.of());
        lms.assign(TARGET, PHYSICS, TEACHER);

        UndoReport dryRun = harness.undoDryRun(run);
        assertEquals(Set.of("enrolment:13"), dryRun.undone());
        assertEquals(UndoRefusal.CHANGED_SINCE, dryRun.refused().get("enrolment:11").reason());
        assertTrue(enrolled(TARGET, MATHS), "a dry run changes nothing");

        UndoReport undo = harness.undo(run);
        assertEquals(Set.of("enrolment:13"), undo.undone());
        UndoReport.Refusal refusal = undo.refused().get("enrolment:11");
        assertEquals(UndoRefusal.CHANGED_SINCE, refusal.reason());
        assertEquals("Changed since the transfer: the target's roles are now Teacher, student instead of student.",
                refusal.detail());
        assertEquals(Set.of(STUDENT, TEACHER), roles(TARGET, PHYSICS), "the later change is not overwritten");
        assertFalse(enrolled(SOURCE, PHYSICS));
        assertEquals(before.enrolments().contains(new FakeMoodle.Enrolment(SOURCE, MATHS)), enrolled(SOURCE, MATHS));
        assertFalse(enrolled(TARGET, MATHS), "Maths is undone");
    }

    @Test
    void undoOfRecordsOfOtherAccountsIsRefused() throws Exception {
        TransferRun run = transfer(PHYSICS, null);
        TransferHarness otherPair = new TransferHarness(new MoodleTransferProvider(lms.settings(10)),
                new TransferUser(LmsId.of(OTHER), "Grace"), TARGET_USER);
        UndoReport undo = otherPair.undo(run);
        assertEquals(UndoRefusal.NOT_SUPPORTED, undo.refused().get("enrolment:11").reason());
        assertTrue(enrolled(TARGET, PHYSICS));
    }

    // ---- LMS errors and timeouts ------------------------------------------------------------

    @Test
    void aRefusedTokenStopsThePreviewWithAnAdminMessageAndTheCodeInTheLog() {
        MoodleTransferProvider provider = new MoodleTransferProvider(
                MoodleSettings.of("m", lms.baseUrl(), "not-the-token", 2, 10, 5));
        TransferHarness wrongToken = new TransferHarness(provider, SOURCE_USER, TARGET_USER);
        TransferException e = assertThrows(TransferException.class, wrongToken::list);
        assertEquals("The LMS refused Campus's web-service token; check the token of this provider's configuration"
                + " (campus.transfer.moodle).", e.adminMessage());
        assertTrue(e.getMessage().contains("moodle_exception [invalidtoken] Invalid token - token not found"),
                e.getMessage());
        assertFalse(e.isRetryable());
        assertFalse(e.getMessage().contains("not-the-token"), "the token is never in a message");
        assertEquals(ProviderHealth.down(e.adminMessage()), provider.health());
    }

    @Test
    void aMissingPermissionFailsTheItemAndLeavesTheCourseAsItWas() throws Exception {
        FakeMoodle.State before = lms.state();
        List<TransferItem> items = harness.list();
        lms.failNext(MoodleApi.ENROL, "required_capability_exception", "nopermissions",
                "Sorry, but you do not currently have permissions to do that (Enrol users).", null);

        TransferRun run = harness.transfer(List.of(item(items, PHYSICS), item(items, MATHS)), Map.of());

        TransferException failure = run.failure("enrolment:11").orElseThrow();
        assertEquals("The LMS web-service user lacks a permission for enrol_manual_enrol_users: Sorry, but you do not"
                + " currently have permissions to do that (Enrol users).", failure.adminMessage());
        assertTrue(failure.getMessage().contains("[nopermissions]"));
        assertTrue(run.record("enrolment:11").isEmpty(), "nothing left to undo");
        assertEquals(ItemOutcome.TRANSFERRED, run.outcome("enrolment:13").orElseThrow());
        assertTrue(enrolled(SOURCE, PHYSICS) && !enrolled(TARGET, PHYSICS));
        assertEquals(before.groups(), lms.state().groups());
    }

    @Test
    void aFailureHalfWayIsRolledBack() throws Exception {
        FakeMoodle.State before = lms.state();
        lms.failNext(MoodleApi.ADD_GROUP_MEMBERS, "invalid_parameter_exception", "invalidparameter",
                "Invalid parameter value detected", "Only enrolled users may be members of groups");

        TransferRun run = transfer(PHYSICS, null);

        TransferException failure = run.failure("enrolment:11").orElseThrow();
        assertEquals("The LMS refused core_group_add_group_members as invalid: Invalid parameter value detected: Only"
                + " enrolled users may be members of groups", failure.adminMessage());
        assertEquals(before, lms.state(), "the target's enrolment made before the failure is taken back");
        assertTrue(lms.functionsCalled().contains(MoodleApi.UNENROL));
        assertTrue(run.record("enrolment:11").isEmpty());
        assertTrue(run.log().stream().anyMatch(l -> l.level() == LogLevel.WARN && l.message().contains("rolled back")));
    }

    @Test
    void aFailedRollbackHandsThePartialRecordToTheCoreWhoseUndoFinishesIt() throws Exception {
        FakeMoodle.State before = lms.state();
        lms.failNext(MoodleApi.ADD_GROUP_MEMBERS, "invalid_parameter_exception", "invalidparameter",
                "Invalid parameter value detected", null);
        lms.failNext(MoodleApi.UNENROL, "moodle_exception", "wscannotunenrol", "Cannot unenrol", null);

        TransferRun run = transfer(PHYSICS, null);

        assertEquals(ItemOutcome.FAILED, run.outcome("enrolment:11").orElseThrow());
        assertTrue(run.failure("enrolment:11").orElseThrow().adminMessage().contains("could not be rolled back"));
        assertTrue(run.record("enrolment:11").isPresent(), "the partial record goes to the core");
        assertTrue(enrolled(TARGET, PHYSICS), "half done");

        UndoReport undo = harness.undo(run);
        assertEquals(Set.of("enrolment:11"), undo.undone());
        assertEquals(before, lms.state());
    }

    @Test
    void aCourseWithoutManualEnrolmentFailsWithWhatToDo() throws Exception {
        lms.withoutManualEnrolment(PHYSICS);
        TransferRun run = transfer(PHYSICS, null);
        assertEquals("The course has no enabled manual enrolment method in the LMS; enable it so that Campus can enrol"
                + " and unenrol.", run.failure("enrolment:11").orElseThrow().adminMessage());
    }

    @Test
    void aServerErrorStopsTheTransferAsRetryable() throws Exception {
        List<TransferItem> items = harness.list();
        lms.answerNext(MoodleApi.COURSE_USER_PROFILES, 503, "<html>Service Unavailable</html>");

        TransferRun run = harness.transfer(List.of(item(items, PHYSICS), item(items, MATHS)), Map.of());

        TransferException thrown = run.thrown().orElseThrow();
        assertTrue(thrown.isRetryable());
        assertEquals("The LMS answered with a server error (HTTP 503); try again later.", thrown.adminMessage());
        assertEquals(Map.of("enrolment:11", ItemOutcome.FAILED), run.outcomes(), "Maths is not run");
    }

    @Test
    void anAnswerThatIsNoJsonSaysToCheckTheBaseUrl() {
        lms.answerNext(MoodleApi.USERS_COURSES, 200, "<!DOCTYPE html><html>Moodle login</html>");
        TransferException e = assertThrows(TransferException.class, harness::list);
        assertTrue(e.adminMessage().startsWith("The LMS did not answer with JSON; check the provider's base URL"),
                e.adminMessage());
    }

    @Test
    void aTimeoutIsRetryableNamesTheWaitAndDegradesHealth() {
        MoodleTransferProvider provider = new MoodleTransferProvider(lms.settings(1));
        lms.delayNext(MoodleApi.USERS_COURSES, Duration.ofSeconds(20));
        TransferException e = assertThrows(TransferException.class,
                () -> new TransferHarness(provider, SOURCE_USER, TARGET_USER).list());
        assertTrue(e.isRetryable());
        assertEquals("The LMS did not answer within 1 s; try again later, or raise the provider's timeout.",
                e.adminMessage());
        assertEquals(ProviderHealth.degraded(e.adminMessage()), provider.health());
    }

    @Test
    void aTimeoutDuringATransferFailsTheItemAndStops() throws Exception {
        List<TransferItem> items = harness(1).list();
        FakeMoodle.State before = lms.state();
        lms.delayNext(MoodleApi.COURSE_USER_PROFILES, Duration.ofSeconds(20));

        TransferRun run = harness(1).transfer(List.of(item(items, PHYSICS), item(items, MATHS)), Map.of());

        assertTrue(run.thrown().orElseThrow().isRetryable());
        assertEquals(Map.of("enrolment:11", ItemOutcome.FAILED), run.outcomes());
        assertEquals(before, lms.state());
    }

    @Test
    void unreachableLmsIsRetryable() throws Exception {
        String base;
        try (FakeMoodle gone = new FakeMoodle()) {
            base = gone.baseUrl();
        }
        TransferHarness unreachable = new TransferHarness(new MoodleTransferProvider(
                MoodleSettings.of("m", base, FakeMoodle.TOKEN, 2, 2, 5)), SOURCE_USER, TARGET_USER);
        TransferException e = assertThrows(TransferException.class, unreachable::list);
        assertTrue(e.isRetryable());
        assertEquals("The LMS at 127.0.0.1 could not be reached; try again later.", e.adminMessage());
    }

    // ---- health ---------------------------------------------------------------------------

    @Test
    void healthIsTheLastCallsOutcomeAndAMissingFunctionStopsATransferBeforeItStarts() throws Exception {
        MoodleTransferProvider provider = new MoodleTransferProvider(lms.settings(10));
        TransferHarness withProvider = new TransferHarness(provider, SOURCE_USER, TARGET_USER);
        assertEquals(ProviderHealth.Status.DEGRADED, provider.health().status(), "not in touch with the LMS yet");
        List<TransferItem> items = withProvider.list();
        assertEquals(ProviderHealth.up(), provider.health());

        lms.disable(MoodleApi.UNASSIGN_ROLES).disable(MoodleApi.ADD_GROUP_MEMBERS);
        FakeMoodle.State before = lms.state();
        TransferRun run = withProvider.transfer(items, Map.of("enrolment:12", Resolution.MERGE));

        String lacks = "The token's external service in the LMS lacks core_group_add_group_members,"
                + " core_role_unassign_roles; add them to the service.";
        assertEquals(lacks, run.thrown().orElseThrow().adminMessage());
        assertTrue(run.outcomes().isEmpty(), "no item started");
        assertEquals(before, lms.state());
        assertEquals(ProviderHealth.down(lacks), provider.health());
    }

    @Test
    void aFunctionTheTokenMayNotCallIsAnAccessException() throws Exception {
        TransferRun run = transfer(PHYSICS, null);
        lms.disable(MoodleApi.COURSE_USER_PROFILES);
        TransferException e = assertThrows(TransferException.class, () -> harness.verify(run));
        assertEquals("The LMS does not let Campus's token call core_user_get_course_user_profiles; add the function"
                + " to the token's external service in the LMS.", e.adminMessage());
        assertTrue(e.getMessage().contains("webservice_access_exception [accessexception] Access control exception"),
                e.getMessage());
    }

    private static List<String> describe(List<ObjectChange> changes) {
        return changes.stream().map(c -> c.action() + " " + c.objectType() + " " + c.objectId() + " "
                + (c.previousOwner() == null ? "-" : c.previousOwner().value()) + ">"
                + (c.owner() == null ? "-" : c.owner().value())).toList();
    }

}
