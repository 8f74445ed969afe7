package org.campus.core.internal.sharing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

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
import org.campus.core.internal.db.ChangeScopes;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.event.Events;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Share progress in plain JDBC ({@link ShareRepository}): each call is one transaction on one connection,
 * or, inside a change opened with {@code AuditService.begin} on the thread, part of that change's
 * transaction, committed with its audit entry ({@link ChangeScopes}).
 */
@Component(service = ShareProgressService.class)
public class ShareProgressServiceImpl implements ShareProgressService {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");

    private final JdbcTransactions jdbc;
    private final Events events;
    private final Clock clock;
    private final ShareRepository repository = new ShareRepository();

    @Activate
    public ShareProgressServiceImpl(@Reference Events events, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference ChangeScopes scopes) {
        this(events, dataSource, Clock.systemUTC(), scopes);
    }

    /** For tests outside OSGi; package-private, so SCR (which considers public constructors only) never picks it. */
    ShareProgressServiceImpl(Events events, DataSource dataSource, Clock clock) {
        this(events, dataSource, clock, new ChangeScopes());
    }

    /** For tests outside OSGi whose changes are opened in {@code scopes}. */
    ShareProgressServiceImpl(Events events, DataSource dataSource, Clock clock, ChangeScopes scopes) {
        this.jdbc = new JdbcTransactions(dataSource, scopes);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ShareProgress start(NewShare share) {
        ShareRules.checkNewShare(share);
        long now = clock.millis();
        ShareProgress created = jdbc.write("storing a share", c -> repository.insert(c, share, now));
        AUDIT.debug("share {} started by user {} in course {}", created.id(), created.userId(), created.courseId());
        events.post(TOPIC_STARTED, "id", created.id(), "courseId", created.courseId().value(),
                "userId", created.userId().value(), "status", created.status().code());
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
        ShareProgress changed = jdbc.write("changing a share's status",
                c -> repository.changeStatus(c, id, next, resourceUrl, message, now));
        AUDIT.debug("share {} marked {}", id, next.code());
        events.post(topic, "id", changed.id(), "courseId", changed.courseId().value(),
                "userId", changed.userId().value(), "status", changed.status().code());
        return changed;
    }

    @Override
    public Optional<ShareProgress> find(long id) {
        return jdbc.read("reading a share", c -> repository.find(c, id));
    }

    @Override
    public List<ShareStatusChange> timeline(long id) {
        List<ShareStatusChange> timeline = jdbc.read("reading a share's timeline",
                c -> repository.timeline(c, id));
        if (timeline.isEmpty()) {
            throw NotFoundException.of("share", id);
        }
        return timeline;
    }

    @Override
    public Page<ShareProgress> list(ShareQuery query, PageRequest page) {
        Cursors.Position after = Cursors.decode(page.cursor());
        List<ShareProgress> found = jdbc.read("listing shares",
                c -> repository.page(c, query, after, page.limit() + 1));
        boolean more = found.size() > page.limit();
        List<ShareProgress> items = more ? found.subList(0, page.limit()) : found;
        ShareProgress last = more ? items.get(items.size() - 1) : null;
        return new Page<>(List.copyOf(items),
                last == null ? null : Cursors.after(last.timeCreated().toEpochMilli(), last.id()));
    }

    @Override
    public int markSourceDeleted(SourceDeleted deleted) {
        ShareRules.checkSourceDeleted(deleted);
        long now = clock.millis();
        int touched = jdbc.write("marking shares source-deleted",
                c -> repository.markSourceDeleted(c, deleted.courseId(), deleted.cmId(), now));
        AUDIT.info("source deleted in course {} (cm {}): {} share(s) marked", deleted.courseId(), deleted.cmId(), touched);
        events.post(TOPIC_SOURCE_DELETED, "courseId", deleted.courseId().value(),
                "cmId", deleted.cmId() == null ? null : deleted.cmId().value(), "count", touched);
        return touched;
    }
}
