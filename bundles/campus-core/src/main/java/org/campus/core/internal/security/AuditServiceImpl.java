package org.campus.core.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.campus.api.security.AuditService;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.IdBlocks;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in table {@code audit_entry}. Entries are queued and written in batches by one
 * thread, so that an audited request does not wait for its own commit; a query first writes
 * whatever is queued, and a full queue makes the caller write itself, so nothing is dropped. The
 * writer lets entries gather for a moment before it writes them: under load one commit then carries
 * dozens of entries instead of one or two, and every commit forces Derby's log to disk.
 */
@Component(service = AuditService.class, immediate = true)
public class AuditServiceImpl implements AuditService {

    private static final Logger LOG = LoggerFactory.getLogger(AuditServiceImpl.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    private static final int QUEUE = 10_000;
    private static final int BATCH = 500;
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");
    private static final String INSERT = "INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target,"
            + " remote_address, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Transactions tx;
    private final JdbcTransactions jdbc;
    private final int batchSize;
    private final IdBlocks ids = new IdBlocks("audit_entry_seq");
    private final Clock clock;
    private final BlockingQueue<AuditEntity> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Thread writer;
    private final java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();
    private final Object progress = new Object();
    private final Object signal = new Object();
    private long written;
    private volatile boolean running = true;

    @Activate
    public AuditServiceImpl(@Reference(target = "(osgi.unit.name=campus)") JpaTemplate jpa,
            @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(new Transactions(jpa), dataSource, Clock.systemUTC(), BATCH);
    }

    /** For tests outside OSGi (another arity than the DS constructor, which SCR picks by its parameter count). */
    AuditServiceImpl(Transactions tx, DataSource dataSource, Clock clock, int batchSize) {
        this.tx = tx;
        this.jdbc = new JdbcTransactions(dataSource);
        this.batchSize = batchSize;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "campus-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Deactivate
    void deactivate() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    @Override
    public void record(String actor, ActorKind actorKind, String action, String target, String remoteAddress,
            String detail) {
        Objects.requireNonNull(actorKind, "actorKind");
        AuditEntity e = new AuditEntity();
        e.setTime(clock.millis());
        e.setActor(cut(actor == null || actor.isBlank() ? "unknown" : actor, 255));
        e.setActorKind(actorKind.code());
        e.setAction(cut(action == null || action.isBlank() ? "unknown" : action, 255));
        e.setTarget(cut(target, 1024));
        e.setRemoteAddress(cut(remoteAddress, 255));
        e.setDetail(cut(detail, 4000));
        AUDIT.debug("{} {} from {}: {} {} {}", e.getActorKind(), e.getActor(), e.getRemoteAddress(), e.getAction(),
                e.getTarget(), e.getDetail() == null ? "" : e.getDetail());
        recorded.incrementAndGet();
        if (queue.offer(e)) {
            if (queue.size() == 1) { // the writer waits for the first entry only; it gathers the rest
                synchronized (signal) {
                    signal.notifyAll();
                }
            }
        } else {
            // the writer is behind: write this one ourselves rather than lose it
            writeLock.lock();
            try {
                write(List.of(e));
            } finally {
                writeLock.unlock();
            }
        }
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query, PageRequest page) {
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new InvalidInputException("from", "must be before to");
        }
        flush();
        Long afterId = Cursors.decodeId(page.cursor());
        List<AuditEntity> rows = tx.read(em -> {
            StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntity a WHERE 1 = 1");
            Map<String, Object> params = new LinkedHashMap<>();
            if (query.actor() != null) {
                jpql.append(" AND a.actor = :actor");
                params.put("actor", query.actor());
            }
            if (query.actorKind() != null) {
                jpql.append(" AND a.actorKind = :kind");
                params.put("kind", query.actorKind().code());
            }
            if (query.action() != null) {
                jpql.append(" AND a.action = :action");
                params.put("action", query.action());
            }
            if (query.from() != null) {
                jpql.append(" AND a.time >= :from");
                params.put("from", query.from().toEpochMilli());
            }
            if (query.to() != null) {
                jpql.append(" AND a.time < :to");
                params.put("to", query.to().toEpochMilli());
            }
            if (afterId != null) {
                jpql.append(" AND a.id < :afterId");
                params.put("afterId", afterId);
            }
            jpql.append(" ORDER BY a.id DESC");
            TypedQuery<AuditEntity> q = em.createQuery(jpql.toString(), AuditEntity.class);
            params.forEach(q::setParameter);
            return q.setMaxResults(page.limit() + 1).getResultList();
        });
        boolean more = rows.size() > page.limit();
        List<AuditEntry> items = rows.stream().limit(page.limit()).map(AuditServiceImpl::toValue)
                .collect(Collectors.toList());
        return new Page<>(items, more ? Cursors.afterId(items.get(items.size() - 1).id()) : null);
    }

    /** Writes every queued entry now, and waits (a few seconds at most) for those the writer holds. */
    void flush() {
        long target = recorded.get();
        drainQueue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (progress) {
            while (written < target) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    progress.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    /** Writes what is queued, in batches; drained only under the lock, so entries keep their queue order. */
    private void drainQueue() {
        writeLock.lock();
        try {
            List<AuditEntity> batch = new ArrayList<>();
            while (queue.drainTo(batch, batchSize) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void writeLoop() {
        while (running) {
            try {
                synchronized (signal) {
                    while (queue.isEmpty() && running) {
                        signal.wait(1_000);
                    }
                }
                if (running && queue.size() < batchSize) {
                    LockSupport.parkNanos(GATHER_NANOS);
                }
                drainQueue();
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("Audit entries could not be written", e);
            }
        }
    }

    /** One JDBC batch in one transaction, in queue order: the trail is append-only and needs no unit of work. */
    private void write(List<AuditEntity> batch) {
        try {
            jdbc.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (AuditEntity e : batch) {
                        ps.setLong(1, ids.next(c));
                        ps.setLong(2, e.getTime());
                        ps.setString(3, e.getActor());
                        ps.setString(4, e.getActorKind());
                        ps.setString(5, e.getAction());
                        ps.setString(6, e.getTarget());
                        ps.setString(7, e.getRemoteAddress());
                        ps.setString(8, e.getDetail());
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        } catch (SQLException ex) {
            throw new PersistenceException("audit entries could not be written", ex);
        } finally {
            synchronized (progress) {
                written += batch.size();
                progress.notifyAll();
            }
        }
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

    static AuditEntry toValue(AuditEntity e) {
        return new AuditEntry(e.getId(), Instant.ofEpochMilli(e.getTime()), e.getActor(),
                ActorKind.fromCode(e.getActorKind()).orElse(ActorKind.SYSTEM), e.getAction(), e.getTarget(),
                e.getRemoteAddress(), e.getDetail());
    }
}
