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
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import javax.persistence.TypedQuery;

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
 * whatever is queued, and a full queue makes the caller write itself, so nothing is dropped.
 */
@Component(service = AuditService.class, immediate = true)
public class AuditServiceImpl implements AuditService {

    private static final Logger LOG = LoggerFactory.getLogger(AuditServiceImpl.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    private static final int QUEUE = 10_000;
    private static final int BATCH = 500;

    private final Transactions tx;
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
            @Reference CampusSchema schema) {
        this(new Transactions(jpa), Clock.systemUTC());
    }

    /** For tests outside OSGi (another arity than the DS constructor). */
    AuditServiceImpl(Transactions tx, Clock clock) {
        this.tx = tx;
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
            synchronized (signal) {
                signal.notifyAll();
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
        writeLock.lock();
        try {
            List<AuditEntity> batch = new ArrayList<>();
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writeLock.unlock();
        }
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

    private void writeLoop() {
        while (running) {
            try {
                synchronized (signal) {
                    while (queue.isEmpty() && running) {
                        signal.wait(1_000);
                    }
                }
                // drained only under the lock, so that entries are written in the order they were queued
                writeLock.lock();
                try {
                    List<AuditEntity> batch = new ArrayList<>();
                    while (queue.drainTo(batch, BATCH) > 0) {
                        write(batch);
                        batch.clear();
                    }
                } finally {
                    writeLock.unlock();
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("Audit entries could not be written", e);
            }
        }
    }

    private void write(List<AuditEntity> batch) {
        try {
            tx.write(em -> {
                // one at a time: EclipseLink does not keep the order of new objects within a flush
                for (AuditEntity e : batch) {
                    em.persist(e);
                    em.flush();
                }
                return null;
            });
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
        String clean = s.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    static AuditEntry toValue(AuditEntity e) {
        return new AuditEntry(e.getId(), Instant.ofEpochMilli(e.getTime()), e.getActor(),
                ActorKind.fromCode(e.getActorKind()).orElse(ActorKind.SYSTEM), e.getAction(), e.getTarget(),
                e.getRemoteAddress(), e.getDetail());
    }
}
