package org.campus.core.internal.sharing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import java.sql.SQLException;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.campus.api.ConflictException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.sharing.ShareQuery;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareStatusChange;
import org.campus.api.sharing.SourceDeleted;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.Transactions;
import org.campus.core.internal.event.Events;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = ShareProgressService.class)
public class ShareProgressServiceImpl implements ShareProgressService {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");

    private final Transactions tx;
    private final Events events;
    private final Clock clock;
    private final ShareRepository repository = new ShareRepository();
    private final ShareRows rows;

    @Activate
    public ShareProgressServiceImpl(
            @Reference(target = "(osgi.unit.name=campus)") JpaTemplate jpa,
            @Reference Events events,
            @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(new Transactions(jpa), events, dataSource);
    }

    /** For tests outside OSGi. A different arity from the DS constructor, which SCR picks by its parameter count. */
    ShareProgressServiceImpl(Transactions tx, Events events, DataSource dataSource) {
        this.tx = tx;
        this.events = events;
        this.rows = new ShareRows(dataSource);
        this.clock = Clock.systemUTC();
    }

    @Override
    public ShareProgress start(NewShare share) {
        ShareRules.checkNewShare(share);
        ShareProgress created;
        try {
            created = rows.insert(share, clock.millis());
        } catch (SQLException e) {
            throw new PersistenceException("the share could not be stored", e);
        }
        AUDIT.debug("share {} started by user {} in course {}", created.id(), created.userId(), created.courseId());
        events.post(TOPIC_STARTED, "id", created.id(), "courseId", created.courseId(),
                "userId", created.userId(), "status", created.status().code());
        return created;
    }

    @Override
    public ShareProgress markSent(long id, String resourceUrl) {
        ShareRules.checkResourceUrl(resourceUrl);
        return changeStatus(id, ShareStatus.SENT, resourceUrl, null, TOPIC_SENT);
    }

    @Override
    public ShareProgress markError(long id, String message) {
        ShareRules.checkMessage(message);
        return changeStatus(id, ShareStatus.ERROR, null, message, TOPIC_ERROR);
    }

    private ShareProgress changeStatus(long id, ShareStatus next, String resourceUrl, String message, String topic) {
        long now = clock.millis();
        ShareEntity stored = tx.write(em -> {
            ShareEntity e = require(em, id);
            ShareStatus current = ShareStatus.fromCode(e.getStatus()).orElseThrow();
            if (!current.canMoveTo(next)) {
                throw new ConflictException("share " + id + " is " + current.code()
                        + " and cannot become " + next.code() + "; only an in_progress share changes status");
            }
            e.setStatus(next.code());
            e.setTimeModified(now);
            if (resourceUrl != null) {
                e.setResourceUrl(resourceUrl);
            }
            if (message != null) {
                e.setErrorMessage(message);
            }
            em.persist(new ShareEventEntity(e, next.code(), now, resourceUrl, message));
            return e;
        });
        // mapped after the commit, which set the new version
        ShareProgress changed = ShareMapper.toValue(stored);
        AUDIT.debug("share {} marked {}", id, next.code());
        events.post(topic, "id", changed.id(), "courseId", changed.courseId(),
                "userId", changed.userId(), "status", changed.status().code());
        return changed;
    }

    @Override
    public Optional<ShareProgress> find(long id) {
        try {
            return rows.find(id);
        } catch (SQLException e) {
            throw new PersistenceException("share " + id + " could not be read", e);
        }
    }

    @Override
    public List<ShareStatusChange> timeline(long id) {
        return tx.read(em -> {
            require(em, id);
            return repository.timeline(em, id).stream().map(ShareMapper::toValue).collect(Collectors.toList());
        });
    }

    @Override
    public Page<ShareProgress> list(ShareQuery query, PageRequest page) {
        Long afterId = Cursors.decodeId(page.cursor());
        List<ShareEntity> found = tx.read(em -> repository.page(em, query, afterId, page.limit() + 1));
        boolean more = found.size() > page.limit();
        List<ShareProgress> items = found.stream().limit(page.limit()).map(ShareMapper::toValue)
                .collect(Collectors.toList());
        String next = more ? Cursors.afterId(items.get(items.size() - 1).id()) : null;
        return new Page<>(items, next);
    }

    @Override
    public int markSourceDeleted(SourceDeleted deleted) {
        if (deleted.courseId() <= 0) {
            throw new org.campus.api.InvalidInputException("courseId", "must be a positive id");
        }
        if (deleted.cmId() != null && deleted.cmId() <= 0) {
            throw new org.campus.api.InvalidInputException("cmId", "must be a positive id");
        }
        long now = clock.millis();
        int touched = tx.write(em -> {
            int n = repository.markSourceDeleted(em, deleted.courseId(), deleted.cmId(), now);
            // bulk updates bypass the shared cache; drop what it holds so reads see the flag
            em.getEntityManagerFactory().getCache().evict(ShareEntity.class);
            return n;
        });
        AUDIT.info("source deleted in course {} (cm {}): {} share(s) marked", deleted.courseId(), deleted.cmId(), touched);
        events.post(TOPIC_SOURCE_DELETED, "courseId", deleted.courseId(), "cmId", deleted.cmId(), "count", touched);
        return touched;
    }

    private static ShareEntity require(EntityManager em, long id) {
        ShareEntity e = em.find(ShareEntity.class, id);
        if (e == null) {
            throw NotFoundException.of("share", id);
        }
        return e;
    }
}
