package org.campus.core.internal.workflow.mail;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.WorkflowMail;
import org.campus.api.workflow.WorkflowMailService;
import org.campus.api.workflow.WorkflowService;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.workflow.mail.LmsAddressCallback.CallbackException;
import org.campus.core.internal.workflow.model.MailAddresses;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the workflow notification mails from the outbox table {@code workflow_mail}, which
 * {@link MailOutbox} fills inside each action's transaction. One thread polls the due pending mails
 * (and is woken at once by {@link WorkflowService#TOPIC_ACTION_PERFORMED}, posted after the commit),
 * asks the LMS callback for addresses the action did not carry, sends each mail over SMTP, and marks
 * it sent, or records the error and schedules the next attempt with an exponential backoff, or marks
 * it failed after {@code maxAttempts}.
 *
 * <p>A mail is claimed before it is sent (its attempt counter and a lease in {@code next_attempt} are
 * moved in one conditional update), so two Campus nodes on one database never send it twice at the
 * same time; a node that dies while sending leaves the mail to be retried once the lease ran out
 * (at-least-once delivery).
 */
@Component(service = { WorkflowMailService.class, EventHandler.class }, immediate = true,
        configurationPid = WorkflowMailConfig.PID,
        property = { EventConstants.EVENT_TOPIC + "=" + WorkflowService.TOPIC_ACTION_PERFORMED,
                // only actions that queued mail wake the sender; the others need not be delivered at all
                EventConstants.EVENT_FILTER + "=(|(!(mails=*))(mails>=1))" })
@Designate(ocd = WorkflowMailConfig.class)
public class WorkflowMailSender implements WorkflowMailService, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowMailSender.class);

    static final int BATCH = 50;
    /** How long a claimed mail is left alone by other senders. */
    static final long LEASE_MS = 10 * 60_000L;
    static final int MAX_ERROR = 1000;

    private final JdbcTransactions jdbc;
    private final MailOutbox outbox = new MailOutbox();
    private final MailSettings settings;
    private final boolean sending;
    private final LmsAddressCallback callback;
    private final Clock clock = Clock.systemUTC();
    private final Object signal = new Object();
    private final Thread worker;
    private boolean nudged;
    private final Object passSignal = new Object();
    private long passes;
    private volatile boolean running = true;

    @Activate
    public WorkflowMailSender(WorkflowMailConfig config, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(dataSource, MailSettings.of(config));
    }

    /** For tests outside OSGi (another arity than the DS constructor, which SCR picks by its parameter count). */
    public WorkflowMailSender(DataSource dataSource, MailSettings settings) {
        this.jdbc = new JdbcTransactions(dataSource);
        this.settings = settings;
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            LOG.error("Workflow mail is not sent: the configuration {} has problems: {}", WorkflowMailConfig.PID,
                    String.join("; ", problems));
        } else if (!settings.enabled()) {
            LOG.info("Workflow mail sending is disabled ({}); mails stay pending in the outbox", WorkflowMailConfig.PID);
        } else {
            LOG.info("Workflow mail: {}", settings);
        }
        this.sending = settings.enabled() && problems.isEmpty();
        this.callback = new LmsAddressCallback(settings);
        this.worker = new Thread(this::run, "campus-workflow-mail");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Deactivate
    public void deactivate() {
        running = false;
        wake();
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An action was performed and committed: its mails may be waiting, unless it says it wrote none. */
    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty("mails") instanceof Integer mails) || mails > 0) {
            wake();
        }
    }

    void wake() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    /** How many passes over the outbox the sender thread has completed (for tests and diagnostics). */
    public long passes() {
        synchronized (passSignal) {
            return passes;
        }
    }

    /**
     * Waits until the sender thread has completed more than {@code seen} passes over the outbox, or
     * {@code timeout} has passed: what a pass sends or records is visible when this returns.
     */
    public void awaitPassAfter(long seen, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (passSignal) {
            for (long left = timeout.toNanos(); passes <= seen && left > 0; left = end - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(passSignal, left);
            }
        }
    }

    // ---- the sender thread

    private void run() {
        while (running) {
            long wait = settings.pollInterval().toMillis();
            try {
                if (sending) {
                    sendDue();
                    wait = Math.min(wait, untilNextDue());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.error("The workflow mail outbox could not be processed: {}", e.toString());
            }
            synchronized (passSignal) {
                passes++;
                passSignal.notifyAll();
            }
            synchronized (signal) {
                try {
                    if (!nudged && running && wait > 0) {
                        signal.wait(wait);
                    }
                } catch (InterruptedException e) {
                    if (!running) {
                        return;
                    }
                }
                nudged = false;
            }
        }
    }

    private long untilNextDue() {
        Long next = jdbc.read("reading the outbox", outbox::nextDue);
        return next == null ? Long.MAX_VALUE : Math.max(1, next - clock.millis());
    }

    /** Sends every due pending mail, a batch at a time. */
    void sendDue() {
        while (running) {
            List<WorkflowMail> due = jdbc.read("reading the outbox", c -> outbox.due(c, clock.millis(), BATCH));
            for (WorkflowMail mail : due) {
                if (!running) {
                    return;
                }
                process(mail);
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    private void process(WorkflowMail mail) {
        int attempt = mail.attempts() + 1;
        long now = clock.millis();
        if (!jdbc.write("claiming a mail", c -> outbox.claim(c, mail, now + LEASE_MS))) {
            return; // another sender has it
        }
        try {
            String recipient = mail.recipient() != null ? mail.recipient() : resolve(mail);
            if (recipient == null) {
                return;
            }
            send(mail.subject(), mail.body(), recipient);
            update(mail.id(), MailOutbox.SENT, null, clock.millis(), clock.millis());
            LOG.debug("Workflow mail {} of record {} sent", mail.id(), mail.recordId());
        } catch (MessagingException | RuntimeException e) {
            String error = describe(e);
            if (attempt >= settings.maxAttempts()) {
                update(mail.id(), MailOutbox.FAILED, error, clock.millis(), null);
                LOG.warn("Workflow mail {} of record {} failed for good after {} attempts: {}", mail.id(),
                        mail.recordId(), attempt, error);
            } else {
                long next = clock.millis() + settings.backoffAfter(attempt).toMillis();
                update(mail.id(), MailOutbox.PENDING, error, next, null);
                LOG.info("Workflow mail {} of record {}: attempt {} of {} failed, next at {}: {}", mail.id(),
                        mail.recordId(), attempt, settings.maxAttempts(), Instant.ofEpochMilli(next), error);
            }
        }
    }

    private void update(long id, String status, String error, long nextAttempt, Long sent) {
        jdbc.write("recording a mail's attempt", c -> {
            outbox.update(c, id, status, error, nextAttempt, sent);
            return null;
        });
    }

    /**
     * Asks the LMS for the addresses of a mail written without one; this mail goes to the first, a copy
     * of it (a new pending row) to each other. {@code null} when the LMS named nobody (the mail is skipped).
     */
    private String resolve(WorkflowMail mail) {
        String[] ids = jdbc.read("reading a mail's record", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lms_record_id, course_id, activity_id, author_id FROM workflow_record WHERE id = ?")) {
                ps.setLong(1, mail.recordId());
                try (ResultSet r = ps.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    return new String[] { r.getString(1), r.getString(2), r.getString(3), r.getString(4) };
                }
            }
        });
        if (ids == null) {
            throw new CallbackException("the record no longer exists");
        }
        boolean author = MailOutbox.KIND_AUTHOR.equals(mail.recipientKind());
        List<String> found = callback.addresses(ids[0], ids[1], ids[2], author ? null : mail.role(), ids[3]);
        LinkedHashMap<String, String> unique = new LinkedHashMap<>();
        found.forEach(a -> unique.putIfAbsent(MailAddresses.parse(a).getAddress().toLowerCase(Locale.ROOT), a));
        List<String> addresses = List.copyOf(unique.values());
        long now = clock.millis();
        if (addresses.isEmpty()) {
            update(mail.id(), MailOutbox.SKIPPED, "the LMS named nobody"
                    + (author ? " as the author's address" : " holding role '" + mail.role() + "'"), now, null);
            return null;
        }
        jdbc.write("addressing a mail", c -> {
            outbox.addressed(c, mail, addresses, now);
            return null;
        });
        return addresses.get(0);
    }

    /** One plain-text UTF-8 message to one recipient. */
    void send(String subject, String body, String recipient) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.smtpHost());
        p.setProperty("mail.smtp.port", Integer.toString(settings.smtpPort()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        if (settings.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (settings.authenticates()) {
            p.setProperty("mail.smtp.auth", "true");
        }
        // Jakarta Mail finds its providers through the context class loader; in OSGi that must be its own.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(p);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, MailAddresses.parse(recipient));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date(clock.millis()));
            message.setHeader("Auto-Submitted", "auto-generated");
            // bytes with their type: written as they are, without a content handler (none in OSGi)
            message.setDataHandler(new DataHandler(new ByteArrayDataSource(body.getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=UTF-8")));
            message.saveChanges();
            try (Transport transport = session.getTransport("smtp")) {
                if (settings.authenticates()) {
                    transport.connect(settings.smtpHost(), settings.smtpPort(), settings.username(),
                            settings.password());
                } else {
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The error for the outbox and the log: types and messages of the chain, without any secret. */
    String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 4; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (depth > 0) {
                text.append(" <- ");
            }
            if (!(t instanceof CallbackException)) {
                text.append(t.getClass().getSimpleName());
                if (t.getMessage() != null) {
                    text.append(": ");
                }
            }
            if (t.getMessage() != null) {
                text.append(t.getMessage());
            }
        }
        String clean = text.toString();
        clean = redact(clean, settings.password());
        clean = redact(clean, settings.callbackToken());
        clean = clean.replaceAll("\\p{Cntrl}+", " ").strip();
        return clean.length() > MAX_ERROR ? clean.substring(0, MAX_ERROR) : clean;
    }

    private static String redact(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    // ---- WorkflowMailService

    @Override
    public List<WorkflowMail> mailOf(long recordId) {
        return jdbc.read("reading a record's mail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM workflow_record WHERE id = ?")) {
                ps.setLong(1, recordId);
                try (ResultSet r = ps.executeQuery()) {
                    if (!r.next()) {
                        throw NotFoundException.of("workflow record", recordId);
                    }
                }
            }
            return outbox.ofRecord(c, recordId);
        });
    }

    @Override
    public Page<WorkflowMail> failed(PageRequest page) {
        Cursors.Position after = Cursors.decode(page.cursor());
        List<WorkflowMail> rows = jdbc.read("reading failed mail", c -> outbox.failed(c, after, page.limit() + 1));
        boolean more = rows.size() > page.limit();
        List<WorkflowMail> items = List.copyOf(rows.subList(0, Math.min(rows.size(), page.limit())));
        WorkflowMail last = more ? items.get(items.size() - 1) : null;
        return new Page<>(items, last == null ? null : Cursors.after(last.created().toEpochMilli(), last.id()));
    }
}
