package org.campus.core.internal.workflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.WorkflowAuthorship;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link WorkflowAuthorship} on the workflow record tables, through their one repository. */
@Component(service = WorkflowAuthorship.class)
public class WorkflowAuthorshipImpl implements WorkflowAuthorship {

    private static final int CHUNK = 200;

    /** Thrown inside a transaction to roll a move back when an entry moved on meanwhile. */
    private static final class ChangedSince extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChangedSince() {
            super(null, null, false, false);
        }
    }

    private final JdbcTransactions jdbc;
    private final WorkflowRecordRepository records = new WorkflowRecordRepository();
    private final Clock clock;

    @Activate
    public WorkflowAuthorshipImpl(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    WorkflowAuthorshipImpl(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTransactions(dataSource);
        this.clock = clock;
    }

    @Override
    public List<WorkflowRecord> authoredBy(LmsId authorId, long afterId, int limit) {
        return jdbc.read("listing a user's workflow records", c -> records.authoredBy(c, authorId.value(), afterId,
                Math.max(1, Math.min(limit, 1000))));
    }

    @Override
    public List<Long> historyOf(long recordId, LmsId actor) {
        return jdbc.read("reading a workflow record's history", c -> records.historyOf(c, recordId, actor.value()));
    }

    @Override
    public boolean move(long recordId, List<Long> historyIds, LmsId from, LmsId to) {
        long now = clock.millis();
        try {
            return jdbc.write("moving a workflow record to another author", c -> {
                if (!records.changeAuthor(c, recordId, from, to, now)) {
                    return false;
                }
                for (long h : historyIds) {
                    if (!records.changeActor(c, recordId, h, from, to)) {
                        throw new ChangedSince();
                    }
                }
                return true;
            });
        } catch (ChangedSince e) {
            return false;
        }
    }

    @Override
    public Map<Long, LmsId> authors(Collection<Long> recordIds) {
        List<Long> ids = new ArrayList<>(recordIds);
        Map<Long, LmsId> authors = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            authors.putAll(jdbc.read("reading workflow record authors", c -> records.authors(c, chunk)));
        }
        return authors;
    }
}
