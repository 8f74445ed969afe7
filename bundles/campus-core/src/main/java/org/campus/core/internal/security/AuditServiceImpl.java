package org.campus.core.internal.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.campus.api.security.AuditService;
import org.campus.api.security.AuditedChange;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.ChangeScopes;
import org.campus.core.internal.db.DatabaseException;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.GroupCommit;
import org.campus.core.internal.db.JdbcTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in table {@code audit_entry}. {@link #record} returns once its entry is committed:
 * the caller (the REST servlet, before it answers 2xx) knows the entry is there. Entries recorded
 * concurrently share one batch and one commit ({@link GroupCommit}, on the callers' threads): under
 * load a commit carries one entry per request that arrived during the previous commit, which keeps
 * the cost of the trail close to that of the asynchronous writer it replaced. A batch whose commit
 * fails is tried again; a caller whose entry is not committed within {@link #MAX_WAIT} gets an
 * exception, and its entry stays queued for the next batch.
 *
 * <p>{@link #begin} opens a change on the thread ({@link ChangeScopes}): the writes it makes through
 * scoped services stay pending on one connection, and {@link AuditedChange#complete} appends the entry
 * on that connection and commits both at once, with no second commit for the entry. A change with
 * nothing pending records its entry through the group commit. See docs/PERSISTENCE.md.
 */
@Component(service = AuditService.class, immediate = true)
public class AuditServiceImpl implements AuditService {

    private static final Logger LOG = LoggerFactory.getLogger(AuditServiceImpl.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    static final int BATCH = 500;
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

    private final JdbcTransactions jdbc;
    private final AuditRepository repository = new AuditRepository();
    private final GroupCommit<AuditRepository.NewEntry> commits;
    private final Clock clock;
    private final ChangeScopes scopes;

    @Activate
    public AuditServiceImpl(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference ChangeScopes scopes) {
        this(dataSource, scopes, Clock.systemUTC(), MAX_WAIT);
    }

    /** For tests outside OSGi that open no change (package-private: SCR considers public constructors only). */
    AuditServiceImpl(DataSource dataSource, Clock clock, Duration maxWait) {
        this(dataSource, new ChangeScopes(), clock, maxWait);
    }

    /** For tests outside OSGi, with the scopes that the services of their changes use. */
    AuditServiceImpl(DataSource dataSource, ChangeScopes scopes, Clock clock, Duration maxWait) {
        this.jdbc = new JdbcTransactions(dataSource);
        this.scopes = scopes;
        this.clock = clock;
        this.commits = new GroupCommit<>("audit entries",
                batch -> jdbc.write("writing audit entries", c -> {
                    repository.insert(c, batch);
                    return null;
                }), BATCH, maxWait);
    }

    @Deactivate
    void deactivate() {
        int left = commits.drain();
        if (left > 0) {
            LOG.error("{} audit entries could not be written before the audit service stopped; their callers were"
                    + " told so", left);
        }
    }

    /**
     * Records a change and returns once it is committed.
     *
     * @throws GroupCommit.NotWrittenException not committed within {@link #MAX_WAIT} (the database
     *         fails); the entry is still written with a later batch
     */
    @Override
    public void record(String actor, ActorKind actorKind, String action, String target, String remoteAddress,
            String detail) {
        commits.submit(entry(actor, actorKind, action, target, remoteAddress, detail));
    }

    @Override
    public AuditedChange begin(String actor, ActorKind actorKind, String action, String remoteAddress) {
        Objects.requireNonNull(actorKind, "actorKind");
        return new Change(scopes.open(), actor, actorKind, action, remoteAddress);
    }

    private AuditRepository.NewEntry entry(String actor, ActorKind actorKind, String action, String target,
            String remoteAddress, String detail) {
        Objects.requireNonNull(actorKind, "actorKind");
        AuditRepository.NewEntry e = new AuditRepository.NewEntry(clock.millis(),
                cut(actor == null || actor.isBlank() ? "unknown" : actor, 255), actorKind.code(),
                cut(action == null || action.isBlank() ? "unknown" : action, 255), cut(target, 1024),
                cut(remoteAddress, 255), cut(detail, 4000));
        AUDIT.debug("{} {} from {}: {} {} {}", e.actorKind(), e.actor(), e.remoteAddress(), e.action(), e.target(),
                e.detail() == null ? "" : e.detail());
        return e;
    }

    /** A change open on one thread: its entry goes into the change's transaction when one is pending. */
    private final class Change implements AuditedChange {

        private final ChangeScopes.Scope scope;
        private final String actor;
        private final ActorKind actorKind;
        private final String action;
        private final String remoteAddress;
        private boolean completed;

        Change(ChangeScopes.Scope scope, String actor, ActorKind actorKind, String action, String remoteAddress) {
            this.scope = scope;
            this.actor = actor;
            this.actorKind = actorKind;
            this.action = action;
            this.remoteAddress = remoteAddress;
        }

        @Override
        public boolean pending() {
            return scope.pending() != null;
        }

        @Override
        public void complete(String target, String detail) {
            if (completed) {
                throw new IllegalStateException("the change is already completed");
            }
            if (scope.failed()) {
                throw new IllegalStateException("a write of the change failed and was rolled back; it was not made");
            }
            AuditRepository.NewEntry e = entry(actor, actorKind, action, target, remoteAddress, detail);
            Connection c = scope.pending();
            if (c == null) {
                commits.submit(e); // nothing pending: the services committed by themselves
            } else {
                try {
                    repository.insert(c, List.of(e));
                } catch (SQLException failure) {
                    scope.close(); // rolls the change back
                    throw new DatabaseException("writing the audit entry of a change failed; the change was not made",
                            failure);
                } catch (RuntimeException failure) {
                    scope.close();
                    throw failure;
                }
            }
            try {
                scope.commit();
            } catch (SQLException failure) {
                throw new DatabaseException("committing a change with its audit entry failed; it was not made",
                        failure);
            }
            completed = true;
        }

        @Override
        public void close() {
            scope.close();
        }
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query, PageRequest page) {
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new InvalidInputException("from", "must be before to");
        }
        Cursors.Position after = Cursors.decode(page.cursor());
        List<AuditEntry> rows = jdbc.read("reading the audit trail",
                c -> repository.page(c, query, after, page.limit() + 1));
        boolean more = rows.size() > page.limit();
        List<AuditEntry> items = List.copyOf(more ? rows.subList(0, page.limit()) : rows);
        AuditEntry last = more ? items.get(items.size() - 1) : null;
        return new Page<>(items, last == null ? null : Cursors.after(last.time().toEpochMilli(), last.id()));
    }

    /** How many entries wait to be written (for tests). */
    int queued() {
        return commits.queued();
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = hasControl(s) ? CONTROL.matcher(s).replaceAll(" ") : s;
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    /** Whether {@link #CONTROL} matches anywhere: the regex only runs for the rare value that needs it. */
    private static boolean hasControl(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c != '\t' && Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }
}
