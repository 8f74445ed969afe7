package org.campus.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MailStatus;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowMail;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.workflow.mail.MailSettings;
import org.campus.core.internal.workflow.mail.WorkflowMailSender;
import org.campus.core.internal.workflow.model.WorkflowTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

/**
 * Notification mails end to end: real Derby, the real service and sender, a real SMTP server
 * (GreenMail) on a free port, and a real HTTP server playing the LMS callback.
 */
class WorkflowMailTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String SUBJECT = "[{workflow.title}] {action.title}: {record.lmsRecordId} {from.title} -> {to.title}";
    private static final String BODY = "Grüße,\n{actor} moved record {record.lmsRecordId} of course {record.courseId}"
            + " from {from} to {to}.\nComment: {comment}\n";

    private final TestDatabase db = new TestDatabase();
    private final List<AutoCloseable> closers = new ArrayList<>();
    private volatile WorkflowMailSender sender;
    private final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            // as EventAdmin does for the sender's EventHandler registration
            if (sender != null && WorkflowService.TOPIC_ACTION_PERFORMED.equals(event.getTopic())) {
                sender.handleEvent(event);
            }
        }

        @Override
        public void sendEvent(Event event) {
            postEvent(event);
        }
    };
    private final WorkflowServiceImpl service = new WorkflowServiceImpl(db.transactions(), Events.unfiltered(eventAdmin), db.dataSource());

    @AfterEach
    void close() throws Exception {
        if (sender != null) {
            sender.deactivate();
        }
        Collections.reverse(closers);
        for (AutoCloseable c : closers) {
            c.close();
        }
        db.close();
    }

    // ---- helpers

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private GreenMail smtp(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        closers.add(greenMail::stop);
        return greenMail;
    }

    private void startSender(int smtpPort, int maxAttempts, Duration backoff, URI callback, String token) {
        MailSettings settings = new MailSettings(true, "127.0.0.1", smtpPort, "campus@example.org", "", "", false,
                Duration.ofSeconds(5), Duration.ofSeconds(10), maxAttempts, backoff,
                Duration.ofSeconds(30), // a long poll: the action's event must wake the sender
                callback, token);
        sender = new WorkflowMailSender(db.dataSource(), settings);
    }

    /** The document-publishing template; its submit action mails the author, the teachers and the office. */
    private Workflow workflow(String subject) {
        WorkflowDefinition template = WorkflowTemplates.documentPublishing();
        Notification notification = new Notification(true, List.of("teacher"), List.of("office@example.org"),
                subject, BODY);
        List<ActionDef> actions = template.actions().stream()
                .map(a -> a.id().equals("submit") ? a.withNotifications(List.of(notification)) : a)
                .collect(Collectors.toList());
        return service.create(WorkflowDefinition.of(template.title(), template.description(), template.initialState(),
                template.states(), actions));
    }

    private WorkflowRecord record(Workflow w) {
        return service.createRecord(new NewRecord(w.id(), LmsId.of(17), LmsId.of("c-2"), LmsId.of(5), LmsId.of(5)));
    }

    private static ActionRequest submit(String comment, String authorAddress, Map<String, List<String>> roleAddresses) {
        return new ActionRequest("submit", LmsId.of(5), List.of("student"), comment, authorAddress, roleAddresses);
    }

    /** Checks after each pass of the sender thread, which is what changes the outbox and the mailbox. */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            long seen = sender.passes();
            if (condition.getAsBoolean()) {
                return;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            sender.awaitPassAfter(seen, Duration.ofNanos(left));
        }
    }

    private static Set<String> recipients(MimeMessage[] messages) throws Exception {
        Set<String> to = new TreeSet<>();
        for (MimeMessage m : messages) {
            for (var a : m.getRecipients(Message.RecipientType.TO)) {
                to.add(a.toString());
            }
        }
        return to;
    }

    // ---- tests

    @Test
    void aTransitionMailsTheAuthorTheRoleHoldersAndTheFixedAddresses() throws Exception {
        GreenMail greenMail = smtp(freePort());
        startSender(greenMail.getSmtp().getPort(), 5, Duration.ofSeconds(1), null, null);
        Workflow w = workflow(SUBJECT);
        WorkflowRecord r = record(w);

        WorkflowRecord moved = service.perform(r.id(), submit("please review", "author@example.org",
                Map.of("teacher", List.of("t1@example.org", "t2@example.org", "T1@example.org"))));

        assertEquals("pending", moved.state());
        await("4 messages", () -> greenMail.getReceivedMessages().length >= 4);
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertEquals(4, messages.length, "one per address; T1 is t1 again");
        assertEquals(Set.of("author@example.org", "office@example.org", "t1@example.org", "t2@example.org"),
                recipients(messages));
        for (MimeMessage m : messages) {
            assertEquals("[" + w.definition().title() + "] Submit: 17 Visible -> Pending", m.getSubject());
            // SMTP's end of data takes the last line break
            assertEquals("Grüße,\n5 moved record 17 of course c-2 from visible to pending.\nComment: please review",
                    ((String) m.getContent()).replace("\r\n", "\n").stripTrailing());
            assertEquals("campus@example.org", m.getFrom()[0].toString());
            assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        }
        await("all marked sent", () -> sender.mailOf(r.id()).stream().allMatch(m -> m.status() == MailStatus.SENT));
        List<WorkflowMail> outbox = sender.mailOf(r.id());
        assertEquals(4, outbox.size());
        long historyId = service.history(r.id()).get(1).id();
        for (WorkflowMail m : outbox) {
            assertEquals(1, m.attempts());
            assertNotNull(m.sent());
            assertNull(m.lastError());
            assertEquals(historyId, m.historyId());
        }
        assertEquals(List.of("author", "role", "role", "address"),
                outbox.stream().map(WorkflowMail::recipientKind).collect(Collectors.toList()));

        // an action without notifications mails nobody
        service.perform(r.id(), new ActionRequest("publish", LmsId.of(9), List.of("teacher"), null));
        assertEquals(4, sender.mailOf(r.id()).size());
    }

    @Test
    void whenSmtpIsDownTheTransitionStandsAndARetryDeliversOnceItIsUp() throws Exception {
        int port = freePort(); // nothing listens there yet
        startSender(port, 100, Duration.ofMillis(200), null, null);
        WorkflowRecord r = record(workflow(SUBJECT));

        WorkflowRecord moved = service.perform(r.id(), submit(null, null, Map.of("teacher", List.of())));

        // only the office: the author has no address and no callback, so that one is tried and fails too
        assertEquals("pending", moved.state());
        assertEquals("pending", service.findRecord(r.id()).orElseThrow().state());
        assertEquals(2, service.history(r.id()).size());
        await("a failed attempt recorded", () -> sender.mailOf(r.id()).stream()
                .anyMatch(m -> m.recipientKind().equals("address") && m.attempts() >= 1 && m.lastError() != null));
        WorkflowMail office = sender.mailOf(r.id()).stream().filter(m -> m.recipientKind().equals("address"))
                .findFirst().orElseThrow();
        assertEquals(MailStatus.PENDING, office.status());
        assertTrue(office.lastError().contains("connect"), office.lastError());
        assertNotNull(office.nextAttempt());

        GreenMail greenMail = smtp(port);

        await("delivered after the retry", () -> greenMail.getReceivedMessages().length >= 1);
        await("marked sent", () -> sender.mailOf(r.id()).stream()
                .anyMatch(m -> m.recipientKind().equals("address") && m.status() == MailStatus.SENT));
        WorkflowMail sent = sender.mailOf(r.id()).stream().filter(m -> m.recipientKind().equals("address"))
                .findFirst().orElseThrow();
        assertTrue(sent.attempts() >= 2, "attempts: " + sent.attempts());
        assertNull(sent.lastError());
        assertEquals(Set.of("office@example.org"), recipients(greenMail.getReceivedMessages()));
        // the author's mail has no address and no callback to ask: it keeps failing with a clear reason
        WorkflowMail author = sender.mailOf(r.id()).stream().filter(m -> m.recipientKind().equals("author"))
                .findFirst().orElseThrow();
        assertNull(author.recipient());
        assertTrue(author.lastError().contains("no callbackUrl is configured"), author.lastError());
    }

    @Test
    void afterMaxAttemptsTheMailIsFailedAndListed() throws Exception {
        startSender(freePort(), 2, Duration.ofMillis(50), null, null);
        WorkflowRecord r = record(workflow(SUBJECT));

        service.perform(r.id(), submit(null, "author@example.org", Map.of("teacher", List.of())));

        await("both failed", () -> sender.mailOf(r.id()).stream().allMatch(m -> m.status() == MailStatus.FAILED));
        List<WorkflowMail> mails = sender.mailOf(r.id());
        assertEquals(2, mails.size());
        for (WorkflowMail m : mails) {
            assertEquals(2, m.attempts());
            assertNotNull(m.lastError());
            assertNull(m.nextAttempt());
            assertNull(m.sent());
        }
        assertEquals(mails.stream().map(WorkflowMail::id).sorted(Collections.reverseOrder()).collect(Collectors.toList()),
                sender.failed(PageRequest.first(10)).items().stream().map(WorkflowMail::id).collect(Collectors.toList()));
        assertEquals("pending", service.findRecord(r.id()).orElseThrow().state(), "the transition stands");
    }

    @Test
    void lineBreaksCannotInjectHeadersAndBadAddressesAreRefused() throws Exception {
        GreenMail greenMail = smtp(freePort());
        startSender(greenMail.getSmtp().getPort(), 5, Duration.ofSeconds(1), null, null);
        WorkflowRecord r = record(workflow("{action.title}: {comment}"));

        // a bad address refuses the action, naming the field; nothing changes, nothing is queued
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> service.perform(r.id(),
                submit(null, "author@example.org\r\nBcc: evil@example.org", Map.of())));
        assertEquals("authorAddress", bad.errors().get(0).field(), bad.errors().toString());
        InvalidInputException badRole = assertThrows(InvalidInputException.class, () -> service.perform(r.id(),
                submit(null, null, Map.of("teacher", List.of("t1@example.org", "x@example.org\nBcc: evil@example.org")))));
        assertEquals("roleAddresses.teacher[1]", badRole.errors().get(0).field(), badRole.errors().toString());
        assertEquals("visible", service.findRecord(r.id()).orElseThrow().state());
        assertEquals(List.of(), sender.mailOf(r.id()));

        // a comment with line breaks lands in the subject on one line
        service.perform(r.id(), submit("fine\r\nBcc: evil@example.org\r\nX-Injected: yes", "author@example.org",
                Map.of("teacher", List.of())));

        await("2 messages", () -> greenMail.getReceivedMessages().length >= 2);
        await("all marked sent", () -> sender.mailOf(r.id()).stream().allMatch(m -> m.status() == MailStatus.SENT));
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertEquals(2, messages.length);
        assertEquals(Set.of("author@example.org", "office@example.org"), recipients(messages));
        for (MimeMessage m : messages) {
            assertEquals("Submit: fine  Bcc: evil@example.org  X-Injected: yes", m.getSubject());
            assertNull(m.getHeader("Bcc"));
            assertNull(m.getHeader("X-Injected"));
        }
        assertEquals(0, greenMail.getReceivedMessagesForDomain("evil@example.org").length);
    }

    @Test
    void aRollBackedActionQueuesNoMail() throws Exception {
        startSender(freePort(), 5, Duration.ofSeconds(1), null, null);
        WorkflowRecord r = record(workflow(SUBJECT));

        assertThrows(ForbiddenException.class, () -> service.perform(r.id(),
                new ActionRequest("submit", LmsId.of(99), List.of("student"), null, "a@example.org", Map.of())));

        assertEquals(List.of(), sender.mailOf(r.id()));
    }

    @Test
    void addressesTheActionDidNotCarryComeFromTheLmsCallback() throws Exception {
        GreenMail greenMail = smtp(freePort());
        List<String> queries = Collections.synchronizedList(new ArrayList<>());
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        HttpServer lms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lms.createContext("/lms/addresses", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query);
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String answer = query.contains("role=teacher")
                    ? "{\"addresses\": [\"t1@example.org\", \"t2@example.org\", \"t3@example.org\"]}"
                    : query.contains("userId=5") ? "{\"addresses\": [\"author@example.org\"]}"
                    : "{\"addresses\": []}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        lms.start();
        closers.add(() -> lms.stop(0));
        URI callback = URI.create("http://127.0.0.1:" + lms.getAddress().getPort() + "/lms/addresses");
        startSender(greenMail.getSmtp().getPort(), 5, Duration.ofSeconds(1), callback, "s3cret-token");
        WorkflowRecord r = record(workflow(SUBJECT));

        service.perform(r.id(), submit("via the callback", null, null));

        await("5 messages", () -> greenMail.getReceivedMessages().length >= 5);
        await("all marked sent", () -> sender.mailOf(r.id()).size() == 5
                && sender.mailOf(r.id()).stream().allMatch(m -> m.status() == MailStatus.SENT));
        assertEquals(Set.of("author@example.org", "office@example.org", "t1@example.org", "t2@example.org",
                "t3@example.org"), recipients(greenMail.getReceivedMessages()));
        assertEquals(new TreeSet<>(List.of(
                "recordId=17&courseId=c-2&activityId=5&userId=5",
                "recordId=17&courseId=c-2&activityId=5&role=teacher")), new TreeSet<>(queries));
        assertTrue(tokens.stream().allMatch("Bearer s3cret-token"::equals), tokens.toString());
        List<WorkflowMail> teachers = sender.mailOf(r.id()).stream().filter(m -> m.recipientKind().equals("role"))
                .collect(Collectors.toList());
        assertEquals(3, teachers.size());
        assertTrue(teachers.stream().allMatch(m -> "teacher".equals(m.role())));
        assertFalse(sender.mailOf(r.id()).stream().anyMatch(m -> m.recipient() == null));
    }

    @Test
    void erasingTheActorOrTheAuthorErasesTheirMail() throws Exception {
        startSender(freePort(), 100, Duration.ofMinutes(10), null, null);
        WorkflowPrivacyProvider privacy = new WorkflowPrivacyProvider(db.transactions(), db.dataSource());
        WorkflowDefinition template = WorkflowTemplates.documentPublishing();
        Notification toOffice = new Notification(false, List.of(), List.of("office@example.org"), SUBJECT, BODY);
        Workflow w = service.create(WorkflowDefinition.of(template.title(), null, template.initialState(),
                template.states(), template.actions().stream().map(a -> a.withNotifications(List.of(toOffice)))
                        .collect(Collectors.toList())));
        WorkflowRecord first = record(w); // author 5
        WorkflowRecord second = service.createRecord(new NewRecord(w.id(), LmsId.of(18), LmsId.of("c-2"), LmsId.of(5),
                LmsId.of(6)));
        service.perform(first.id(), submit(null, null, null));
        service.perform(first.id(), new ActionRequest("publish", LmsId.of(9), List.of("teacher"), "by 9"));
        service.perform(second.id(), new ActionRequest("submit", LmsId.of(6), List.of("student"), null));
        assertEquals(2, sender.mailOf(first.id()).size());
        assertEquals(1, sender.mailOf(second.id()).size());

        privacy.deleteUser("9"); // the actor of the first record's publish
        privacy.deleteUser("6"); // the author of the second record

        List<WorkflowMail> left = sender.mailOf(first.id());
        assertEquals(1, left.size());
        assertEquals(service.history(first.id()).get(1).id(), left.get(0).historyId(), "the submit's mail stays");
        assertThrows(org.campus.api.NotFoundException.class, () -> sender.mailOf(second.id()));
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                var r = st.executeQuery("SELECT COUNT(*) FROM workflow_mail")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }
}
