package org.campus.core.internal.sharing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.campus.api.sharing.ShareOwnership;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link ShareOwnership} on the share-progress tables, through their one repository. */
@Component(service = ShareOwnership.class)
public class ShareOwnershipImpl implements ShareOwnership {

    /** Ids per IN list when reading owners. */
    private static final int CHUNK = 200;

    private final JdbcTransactions jdbc;
    private final ShareRepository repository = new ShareRepository();
    private final Clock clock;

    @Activate
    public ShareOwnershipImpl(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    ShareOwnershipImpl(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTransactions(dataSource);
        this.clock = clock;
    }

    @Override
    public List<ShareProgress> ofUser(LmsId userId, long afterId, int limit) {
        return jdbc.read("listing a user's shares", c -> repository.byUserAfter(c, userId.value(), afterId,
                Math.max(1, Math.min(limit, 1000))));
    }

    @Override
    public Set<Long> reassign(Collection<Long> shareIds, LmsId from, LmsId to) {
        long now = clock.millis();
        return jdbc.write("moving shares to another user", c -> {
            Set<Long> moved = new LinkedHashSet<>();
            for (long id : shareIds) {
                if (repository.reassign(c, id, from, to, now)) {
                    moved.add(id);
                }
            }
            return moved;
        });
    }

    @Override
    public Map<Long, LmsId> owners(Collection<Long> shareIds) {
        List<Long> ids = new ArrayList<>(shareIds);
        Map<Long, LmsId> owners = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            owners.putAll(jdbc.read("reading share owners", c -> repository.owners(c, chunk)));
        }
        return owners;
    }
}
