package org.campus.core.internal.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The privacy contract for transfer records: a user's transfers (as either account, with their
 * items and undo records) are exported with the user's data and deleted with the user. Deleting
 * them ends the possibility to undo those transfers; transfers still queued or running are kept
 * until they end (the next erasure takes them). The rows of transfer batches naming the user are
 * exported and deleted the same way (those of a batch still running are kept until it ends).
 */
@Component(service = PrivacyProvider.class)
public class TransferPrivacyProvider implements PrivacyProvider {

    private final JdbcTransactions jdbc;
    private final TransferRepository repository = new TransferRepository();
    private final TransferBatchRepository batches = new TransferBatchRepository();

    @Activate
    public TransferPrivacyProvider(@Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this.jdbc = new JdbcTransactions(dataSource);
    }

    @Override
    public String name() {
        return "transfer";
    }

    @Override
    public String description() {
        return "Transfers of user data between accounts: both users' ids and names, the items moved, their undo records;"
                + " the rows of transfer batches naming the user";
    }

    @Override
    public PersonalData exportUser(String userId) {
        List<Map<String, Object>> records = jdbc.read("exporting transfers", c -> {
            List<Map<String, Object>> found = new ArrayList<>();
            for (long id : repository.transfersOf(c, userId)) {
                Transfer t = repository.find(c, id, 0).orElse(null);
                if (t == null) {
                    continue;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("transferId", t.id());
                r.put("fromUserId", t.from().id().value());
                r.put("fromName", t.from().displayName());
                r.put("toUserId", t.to().id().value());
                r.put("toName", t.to().displayName());
                r.put("state", t.state().code());
                r.put("requestedBy", t.requestedBy());
                r.put("timeCreated", t.timeCreated().toString());
                r.put("items", t.counts().selected());
                r.put("transferred", t.counts().transferred());
                r.put("undone", t.counts().undone());
                found.add(r);
            }
            for (Map.Entry<Long, TransferBatchRow> e : batches.rowsOf(c, userId)) {
                TransferBatchRow row = e.getValue();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("batchId", e.getKey());
                r.put("line", row.line());
                r.put("fromUserId", row.from().id().value());
                r.put("fromName", row.from().displayName());
                r.put("toUserId", row.to().id().value());
                r.put("toName", row.to().displayName());
                r.put("status", row.status().code());
                if (row.transferId() != null) {
                    r.put("transferId", row.transferId());
                }
                if (row.message() != null) {
                    r.put("message", row.message());
                }
                r.put("timeModified", row.timeModified().toString());
                found.add(r);
            }
            return found;
        });
        return new PersonalData(name(), description(), records);
    }

    @Override
    public int deleteUser(String userId) {
        return jdbc.write("erasing transfers", c -> repository.deleteOf(c, userId) + batches.deleteOf(c, userId));
    }

    @Override
    public int deleteCourse(String courseId) {
        return 0; // transfers are about users; a course's data lives with the providers
    }
}
