package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.campus.client.ApiClient;
import org.campus.client.ApiException;
import org.campus.client.api.ApiKeysApi;
import org.campus.client.api.ArchiveApi;
import org.campus.client.api.JobsApi;
import org.campus.client.api.ProvidersApi;
import org.campus.client.api.TransfersApi;
import org.campus.client.api.AuditApi;
import org.campus.client.api.PrivacyApi;
import org.campus.client.api.ShareProgressApi;
import org.campus.client.api.SystemApi;
import org.campus.client.api.WorkflowsApi;
import org.campus.client.model.ArchiveJob;
import org.campus.client.model.ArchiveVerification;
import org.campus.client.model.ArchivedRoles;
import org.campus.client.model.AuditEntry;
import org.campus.client.model.CapabilityPermission;
import org.campus.client.model.Job;
import org.campus.client.model.JobLogEntry;
import org.campus.client.model.NewArchiveActivity;
import org.campus.client.model.NewArchiveJob;
import org.campus.client.model.NewTransfer;
import org.campus.client.model.Provider;
import org.campus.client.model.ProviderKind;
import org.campus.client.model.RoleMatch;
import org.campus.client.model.RoleMatchReport;
import org.campus.client.model.RoleMatchRequest;
import org.campus.client.model.TargetRole;
import org.campus.client.model.Transfer;
import org.campus.client.model.TransferItemResult;
import org.campus.client.model.TransferPreview;
import org.campus.client.model.TransferPreviewItem;
import org.campus.client.model.TransferPreviewRequest;
import org.campus.client.model.TransferUndoItem;
import org.campus.client.model.TransferUndoResult;
import org.campus.client.model.Erasure;
import org.campus.client.model.JobState;
import org.campus.client.model.Health;
import org.campus.client.model.IssuedApiKey;
import org.campus.client.model.LmsId;
import org.campus.client.model.NewApiKey;
import org.campus.client.model.NewShare;
import org.campus.client.model.NewWorkflowRecord;
import org.campus.client.model.Share;
import org.campus.client.model.ShareStatusChange;
import org.campus.client.model.ShareStatusUpdate;
import org.campus.client.model.SourceDeletion;
import org.campus.client.model.UserExport;
import org.campus.client.model.Workflow;
import org.campus.client.model.WorkflowAction;
import org.campus.client.model.WorkflowActionRequest;
import org.campus.client.model.WorkflowDefinition;
import org.campus.client.model.WorkflowHistoryEntry;
import org.campus.client.model.WorkflowRecord;
import org.campus.client.model.WorkflowRecordAccess;
import org.campus.client.model.WorkflowState;
import org.campus.client.model.Worklist;
import javax.inject.Inject;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.MapperFeature;

/**
 * The API as an LMS developer meets it: through a Java client that OpenAPI Generator made from the
 * served document at build time (package {@code org.campus.client}), one whole flow per service. Every
 * exchange is also checked against the document ({@link ValidatingHttpClient}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ClientFlowIT {

    /** Above 2^31-1: an LMS id the client must carry as 64 bits. */
    private static final long BIG = 5_000_000_000L;
    private static final AtomicLong IDS = new AtomicLong(BIG + System.nanoTime() % 1_000_000_000L);

    private static final Duration JOB_WAIT = Duration.ofMinutes(3);
    private static LoopbackTsa tsa;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return CampusContainer.options();
    }

    @Before
    public void apiIsUp() {
        Http.asLms().awaitRoute("/workflows?limit=1", Duration.ofSeconds(180));
        Http.asLms().awaitRoute("/privacy/providers", Duration.ofSeconds(180));
    }

    private static ApiClient client(String authorization) {
        ApiClient c = new ApiClient();
        c.setHttpClientBuilder(ValidatingHttpClient.builder());
        // OpenAPI Generator's Java oneOf reader would coerce a number to the string branch too (and then
        // refuse an LmsId as matching twice): a client reads an LmsId as the type it came as without coercion
        c.setObjectMapper(ApiClient.createDefaultObjectMapper().configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false));
        c.updateBaseUri("http://127.0.0.1:" + System.getProperty("campus.test.httpPort") + "/campus/api/v1");
        if (authorization != null) {
            c.setRequestInterceptor(b -> b.header("Authorization", authorization));
        }
        return c;
    }

    private static ApiClient lms() {
        return client("Bearer " + CampusContainer.LMS_API_KEY);
    }

    private static ApiClient admin() {
        return client("Basic " + Base64.getEncoder().encodeToString(("admin:" + CampusContainer.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static void expectStatus(int status, ThrowingCall call) throws Exception {
        try {
            call.run();
            fail("expected " + status);
        } catch (ApiException e) {
            assertEquals(e.getResponseBody(), status, e.getCode());
            assertTrue(e.getResponseBody(), e.getResponseBody().contains("\"status\":" + status));
        }
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    public void systemHealthAndTheDocument() throws Exception {
        assertEquals(Health.StatusEnum.UP, new SystemApi(client(null)).getHealth().getStatus());
        Map<String, Object> doc = new SystemApi(admin()).getOpenApiDocument();
        assertEquals("3.0.3", doc.get("openapi"));
        expectStatus(401, () -> new SystemApi(client(null)).getOpenApiDocument());
    }

    @Test
    public void shareProgressFromStartToSentWithSixtyFourBitIds() throws Exception {
        ShareProgressApi shares = new ShareProgressApi(lms());
        long course = IDS.incrementAndGet();
        long user = IDS.incrementAndGet();

        Share started = shares.createShare(new NewShare().courseId(new LmsId(course)).userId(new LmsId(user))
                .type(NewShare.TypeEnum.ACTIVITY).cmId(new LmsId(77L)));
        assertEquals(Share.StatusEnum.IN_PROGRESS, started.getStatus());
        assertEquals(Long.valueOf(user), started.getUserId().getLong());
        assertEquals(Long.valueOf(77), started.getCmId().getLong());
        assertEquals(started, shares.getShare(started.getId()));

        Share sent = shares.changeShareStatus(started.getId(), new ShareStatusUpdate()
                .status(ShareStatusUpdate.StatusEnum.SENT).resourceUrl(URI.create("https://moodle.net/r/" + user)));
        assertEquals(Share.StatusEnum.SENT, sent.getStatus());
        assertNull(sent.getMessage());
        expectStatus(409, () -> shares.changeShareStatus(started.getId(),
                new ShareStatusUpdate().status(ShareStatusUpdate.StatusEnum.ERROR).message("too late")));

        List<ShareStatusChange> timeline = shares.getShareTimeline(started.getId()).getItems();
        assertEquals(List.of(ShareStatusChange.StatusEnum.IN_PROGRESS, ShareStatusChange.StatusEnum.SENT),
                timeline.stream().map(ShareStatusChange::getStatus).toList());
        assertEquals(List.of(started.getId()), shares.listShares(Long.toString(user), null, null, null,
                OffsetDateTime.now().minusHours(1), null, 10, null).getItems().stream().map(Share::getId).toList());

        Share course1 = shares.createShare(new NewShare().courseId(new LmsId(course)).userId(new LmsId(user))
                .type(NewShare.TypeEnum.COURSE));
        assertNull("a course share has no cmId", course1.getCmId());
        assertEquals(Integer.valueOf(2), shares.markShareSourceDeleted(new SourceDeletion().courseId(new LmsId(course)))
                .getUpdated());
        assertTrue(shares.getShare(course1.getId()).getSourceDeleted());
        expectStatus(404, () -> shares.getShare(Long.MAX_VALUE));
    }

    @Test
    public void workflowFromDefinitionToHistoryAndEveryExport() throws Exception {
        WorkflowsApi workflows = new WorkflowsApi(lms());
        String course = "course-" + IDS.incrementAndGet();
        WorkflowDefinition definition = new WorkflowDefinition().initialState("draft")
                .states(List.of(new WorkflowState().id("draft").permissions(Map.of("author", List.of("edit"))),
                        new WorkflowState().id("submitted").permissions(Map.of("teacher", List.of("view")))))
                .actions(List.of(new WorkflowAction().id("submit").from(List.of("draft")).to("submitted")
                        .roles(List.of("author"))));

        Workflow w = workflows.createWorkflow(definition);
        assertEquals("draft", w.getStates().get(0).getTitle());
        assertEquals("submit", w.getActions().get(0).getTitle());
        assertEquals(Integer.valueOf(1), w.getVersion());

        WorkflowRecord record = workflows.createWorkflowRecord(new NewWorkflowRecord().workflowId(w.getId())
                .lmsRecordId(new LmsId("essay-1")).courseId(new LmsId(course)).activityId(new LmsId(BIG))
                .authorId(new LmsId(BIG + 1)));
        assertEquals("draft", record.getState());
        assertEquals(Long.valueOf(BIG), record.getActivityId().getLong());
        assertEquals("essay-1", record.getLmsRecordId().getString());

        expectStatus(403, () -> workflows.performWorkflowAction(record.getId(), new WorkflowActionRequest()
                .action("submit").userId(new LmsId(BIG + 2)).roles(List.of("student"))));
        WorkflowRecord moved = workflows.performWorkflowAction(record.getId(), new WorkflowActionRequest()
                .action("submit").userId(new LmsId(BIG + 1)).roles(List.of("student")).comment("done"));
        assertEquals("submitted", moved.getState());
        expectStatus(409, () -> workflows.performWorkflowAction(record.getId(), new WorkflowActionRequest()
                .action("submit").userId(new LmsId(BIG + 1)).roles(List.of("author"))));

        List<WorkflowHistoryEntry> history = workflows.getWorkflowRecordHistory(record.getId()).getItems();
        assertEquals(2, history.size());
        assertNull(history.get(0).getAction());
        assertEquals("submit", history.get(1).getAction());
        assertEquals(Long.valueOf(BIG + 1), history.get(1).getActor().getLong());
        assertEquals("done", history.get(1).getComment());

        WorkflowRecordAccess access = workflows.getWorkflowRecordAccess(record.getId(), "someone", "teacher");
        assertTrue(access.getMayView());
        assertFalse(access.getMayEdit());
        Worklist worklist = workflows.getWorklist(course, null, "teacher", null, null);
        assertEquals(Long.valueOf(0), worklist.getCounts().getTotal());

        assertTrue(workflows.exportWorkflowMermaid(w.getId(), null).startsWith("stateDiagram"));
        assertTrue(workflows.exportWorkflowDot(w.getId(), null).startsWith("digraph"));
        String xml = Files.readString(workflows.exportWorkflowDcWorkflow(w.getId()).toPath());
        assertTrue(xml, xml.contains("<dc-workflow"));
        assertEquals(w.getStates(), workflows.exportWorkflowJson(w.getId()).getStates());
        Workflow imported = workflows.importDcWorkflow(xml);
        assertEquals(List.of("draft", "submitted"), imported.getStates().stream().map(WorkflowState::getId).toList());
        assertEquals(2, workflows.simulateWorkflow(w.getId(), "teacher", null).getItems().size());
    }

    @Test
    public void privacyExportsAndErasesAUser() throws Exception {
        long user = IDS.incrementAndGet();
        new ShareProgressApi(lms()).createShare(new NewShare().courseId(new LmsId(IDS.incrementAndGet()))
                .userId(new LmsId(user)).type(NewShare.TypeEnum.COURSE));
        PrivacyApi privacy = new PrivacyApi(lms());

        assertFalse(privacy.listPrivacyProviders().getItems().isEmpty());
        UserExport export = privacy.exportUserData(Long.toString(user));
        assertEquals(Long.valueOf(user), export.getUserId().getLong());
        assertTrue(export.getProviders().stream().anyMatch(p -> !p.getRecords().isEmpty()));
        assertTrue(awaitEnded(privacy, privacy.deleteUserData(Long.toString(user))).getTotal() >= 1);
        assertEquals(Long.valueOf(0), awaitEnded(privacy, privacy.deleteUserData(Long.toString(user))).getTotal());
        assertEquals("u-1", privacy.exportUserData("u-1").getUserId().getString());
    }

    /** An erasure runs as a job: follows it until it has ended, and asks it to have completed. */
    private static Erasure awaitEnded(PrivacyApi privacy, Erasure erasure) throws Exception {
        Erasure now = Await.until("erasure " + erasure.getId() + " ended", JOB_WAIT, () -> privacy.getErasure(erasure.getId()),
                e -> e.getState() != JobState.QUEUED && e.getState() != JobState.RUNNING);
        assertEquals(JobState.COMPLETED, now.getState());
        return now;
    }

    @Test
    public void apiKeysAreIssuedRotatedRevokedAndAudited() throws Exception {
        ApiKeysApi keys = new ApiKeysApi(admin());
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);

        IssuedApiKey issued = keys.createApiKey(new NewApiKey().name("client-it").scopes(List.of("share-progress")));
        assertNotNull(issued.getSecret());
        assertEquals(List.of("share-progress"), issued.getScopes());
        assertTrue(issued.getActive());
        ApiClient scoped = client("Bearer " + issued.getSecret());
        new ShareProgressApi(scoped).createShare(new NewShare().courseId(new LmsId(IDS.incrementAndGet()))
                .userId(new LmsId(IDS.incrementAndGet())).type(NewShare.TypeEnum.COURSE));
        expectStatus(403, () -> new WorkflowsApi(scoped).listWorkflows(1, null));

        IssuedApiKey rotated = keys.rotateApiKey(issued.getId());
        assertNotNull(rotated.getTimeRotated());
        expectStatus(401, () -> new ShareProgressApi(scoped).getShare(1L));
        keys.revokeApiKey(issued.getId());
        assertFalse(keys.getApiKey(issued.getId()).getActive());
        assertTrue(keys.listApiKeys().getItems().stream().anyMatch(k -> k.getId().equals(issued.getId())));

        List<AuditEntry> audit = new AuditApi(admin()).listAuditEntries(null, "admin", "POST /api-keys", before, null,
                50, null).getItems();
        assertTrue(audit.toString(), audit.stream().anyMatch(e -> e.getTarget().equals("/api-keys/" + issued.getId())));
        expectStatus(400, () -> new AuditApi(admin()).listAuditEntries(null, "robot", null, null, null, null, null));
    }

    @AfterClass
    public static void stopTsa() {
        if (tsa != null) {
            tsa.close();
        }
    }

    @Test
    public void providersOfEveryKindAreListedWithTheirBundles() throws Exception {
        ProvidersApi providers = new ProvidersApi(lms());
        List<Provider> all = providers.listProviders(null).getItems();
        Set<ProviderKind> kinds = all.stream().map(Provider::getKind).collect(Collectors.toSet());
        assertEquals(all.toString(), Set.of(ProviderKind.STORAGE, ProviderKind.ARCHIVER, ProviderKind.TRANSFER), kinds);
        Provider filesystem = providers.listProviders(ProviderKind.STORAGE).getItems().stream()
                .filter(p -> p.getId().equals("filesystem")).findFirst().orElseThrow();
        assertEquals("campus-storage-filesystem", filesystem.getBundle());
        assertEquals(Provider.HealthEnum.UP, filesystem.getHealth());
        assertTrue(providers.listProviders(ProviderKind.ARCHIVER).getItems().stream()
                .allMatch(p -> p.getKind() == ProviderKind.ARCHIVER && !p.getVersion().isEmpty()));
    }

    @Test
    public void aSignedArchiveIsMadeDownloadedVerifiedAndItsRolesMatchedAsAJob() throws Exception {
        if (tsa == null) {
            tsa = new LoopbackTsa();
            tsa.configureArchiveSigning(context, Http.asLms());
        }
        WorkflowsApi workflows = new WorkflowsApi(lms());
        long course = IDS.incrementAndGet();
        long activity = IDS.incrementAndGet();
        Workflow w = workflows.createWorkflow(new WorkflowDefinition().initialState("draft")
                .states(List.of(new WorkflowState().id("draft"), new WorkflowState().id("done")))
                .actions(List.of(new WorkflowAction().id("finish").from(List.of("draft")).to("done").roles(List.of("author")))));
        workflows.createWorkflowRecord(new NewWorkflowRecord().workflowId(w.getId()).lmsRecordId(new LmsId("essay-9"))
                .courseId(new LmsId(course)).activityId(new LmsId(activity)).authorId(new LmsId(BIG + 9)));

        ArchiveApi archive = new ArchiveApi(lms());
        Object roles = lms().getObjectMapper().readValue(ArchiveIT.ROLES, Object.class);
        ArchiveJob created = archive.createArchiveJob(new NewArchiveJob().courseId(new LmsId(course)).sign(true)
                .activities(List.of(new NewArchiveActivity().type("workflow").id(new LmsId(activity)),
                        new NewArchiveActivity().type("roles").id(new LmsId("course")).data(roles))));
        assertEquals(Long.valueOf(course), created.getCourseId().getLong());
        ArchiveJob done = Await.until("archive job " + created.getId() + " ended", JOB_WAIT,
                () -> archive.getArchiveJob(created.getId()), j -> j.getState() == ArchiveJob.StateEnum.COMPLETED
                        || j.getState() == ArchiveJob.StateEnum.FAILED || j.getState() == ArchiveJob.StateEnum.CANCELLED);
        assertEquals(done.toString(), ArchiveJob.StateEnum.COMPLETED, done.getState());
        assertEquals(Integer.valueOf(100), done.getProgress());
        assertTrue(done.getErrors().isEmpty());

        byte[] bytes = Files.readAllBytes(archive.getArchiveFile(created.getId()).toPath());
        assertEquals(done.getStored().getSha256(), java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertEquals(Long.valueOf(bytes.length), done.getStored().getSize());
        assertTrue(Files.size(archive.getArchiveTimestamp(created.getId()).toPath()) > 0);
        ArchiveVerification verification = archive.verifyArchive(created.getId());
        assertTrue(verification.getReason(), verification.getValid());

        Map<String, byte[]> entries = ArchiveIT.entries(bytes);
        byte[] rolesEntry = entries.get("activities/002-roles-course/roles.json");
        assertNotNull(entries.keySet().toString(), rolesEntry);
        ArchivedRoles archived = lms().getObjectMapper().readValue(rolesEntry, ArchivedRoles.class);
        assertEquals("student", archived.getRoles().get(0).getShortName());
        RoleMatchReport report = archive.matchArchivedRoles(new RoleMatchRequest().archived(archived).target(List.of(
                new TargetRole().shortName("student").capabilities(Map.of("mod/quiz:attempt", CapabilityPermission.ALLOW)))));
        RoleMatch student = report.getMatches().stream().filter(m -> m.getArchived().equals("student")).findFirst()
                .orElseThrow();
        assertEquals(RoleMatch.OutcomeEnum.MATCHED_BY_SHORT_NAME, student.getOutcome());

        JobsApi jobs = new JobsApi(lms());
        Job job = jobs.getJob(done.getJobId());
        assertEquals(JobState.COMPLETED, job.getState());
        List<JobLogEntry> log = jobs.getJobLog(job.getId(), null, 100, null).getItems();
        assertFalse("the job logged its steps", log.isEmpty());
        assertTrue(jobs.listJobs(job.getType(), null, JobState.COMPLETED, null, null, 100, null).getItems().stream()
                .anyMatch(j -> j.getId().equals(job.getId())));
        expectStatus(409, () -> jobs.cancelJob(job.getId()));

        archive.deleteArchiveJob(created.getId());
        expectStatus(404, () -> archive.getArchiveJob(created.getId()));
    }

    @Test
    public void aTransferIsPreviewedRunVerifiedAndUndone() throws Exception {
        ShareProgressApi shares = new ShareProgressApi(lms());
        long from = IDS.incrementAndGet();
        long to = IDS.incrementAndGet();
        Set<Long> moved = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            moved.add(shares.createShare(new NewShare().courseId(new LmsId(IDS.incrementAndGet())).userId(new LmsId(from))
                    .type(NewShare.TypeEnum.COURSE)).getId());
        }
        TransfersApi transfers = new TransfersApi(lms());

        TransferPreview preview = transfers.previewTransfer(new TransferPreviewRequest().fromUserId(new LmsId(from))
                .toUserId(new LmsId(to)).fromName("Ann (duplicate)").toName("Ann"));
        List<TransferPreviewItem> items = preview.getGroups().stream().flatMap(g -> g.getItems().stream()).toList();
        assertEquals(items.toString(), 2, items.size());
        assertTrue(items.stream().allMatch(i -> i.getConflict() == null && !i.getIrreversible()));
        assertEquals("a preview moves nothing", Long.valueOf(from),
                shares.getShare(moved.iterator().next()).getUserId().getLong());

        Transfer started = transfers.startTransfer(new NewTransfer().fromUserId(new LmsId(from)).toUserId(new LmsId(to))
                .items(items.stream().map(TransferPreviewItem::getId).toList()).resolutions(Map.of()));
        Transfer ended = Await.until("transfer " + started.getId() + " ended", JOB_WAIT,
                () -> transfers.getTransfer(started.getId()), t -> t.getState() == Transfer.StateEnum.COMPLETED
                        || t.getState() == Transfer.StateEnum.FAILED || t.getState() == Transfer.StateEnum.CANCELLED);
        assertEquals(ended.toString(), Transfer.StateEnum.COMPLETED, ended.getState());
        assertTrue(ended.getItems().stream().allMatch(i -> i.getOutcome() == TransferItemResult.OutcomeEnum.TRANSFERRED));
        assertFalse(ended.getVerification().toString(), ended.getVerification().getFlagged());
        for (long share : moved) {
            assertEquals(Long.valueOf(to), shares.getShare(share).getUserId().getLong());
        }
        assertTrue(transfers.listTransfers(Long.toString(from), null, null, null, null, 10, null).getItems().stream()
                .anyMatch(t -> t.getId().equals(started.getId())));

        TransferUndoResult undone = transfers.undoTransfer(started.getId());
        assertTrue(undone.getComplete());
        assertTrue(undone.getItems().stream().allMatch(i -> i.getOutcome() == TransferUndoItem.OutcomeEnum.UNDONE));
        for (long share : moved) {
            assertEquals(Long.valueOf(from), shares.getShare(share).getUserId().getLong());
        }
        expectStatus(409, () -> transfers.undoTransfer(started.getId()));
        expectStatus(400, () -> transfers.startTransfer(new NewTransfer().fromUserId(new LmsId(from))
                .toUserId(new LmsId(from)).items(List.of())));
    }
}
