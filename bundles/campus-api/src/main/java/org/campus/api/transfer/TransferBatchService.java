package org.campus.api.transfer;

import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Batches of transfers from a CSV upload of account pairs: each row is previewed, every item it lists
 * is selected, the batch's resolution is applied to its conflicts, and it runs as a transfer of its
 * own through {@link TransferService} (user locks, audit, verification, callbacks apply as for any
 * transfer). The rows run one after the other on one job of type {@link #JOB_TYPE}. See
 * {@code docs/TRANSFER.md}.
 */
@ProviderType
public interface TransferBatchService {

    /** The job type of a batch. */
    String JOB_TYPE = "transfer.batch";

    /** The most data rows a batch holds. */
    int MAX_ROWS = 1000;

    /** The largest CSV upload, in bytes. */
    int MAX_BYTES = 256 * 1024;

    /**
     * Parses the CSV and queues the batch. The CSV is RFC 4180 (quoted fields, doubled quotes, CRLF or
     * LF, a UTF-8 byte order mark allowed) with a header line naming its columns, case-insensitively:
     * {@code fromUserId} and {@code toUserId} (required), {@code fromName} and {@code toName}
     * (optional); any other column is refused. Every bad line is reported at once in an
     * {@code InvalidInputException} whose fields are {@code lines[N].<column>} (N: the data line,
     * 1-based), {@code lines[N]}, {@code header} or {@code body}.
     */
    TransferBatch submit(NewTransferBatch batch, String requestedBy);

    Optional<TransferBatch> find(long id);

    /** Batches, newest first. */
    Page<TransferBatch> list(PageRequest page);

    /** A batch's rows in their order. A {@code NotFoundException} for an unknown batch. */
    Page<TransferBatchRow> rows(long id, PageRequest page);

    /**
     * Cancels a queued or running batch: the row whose transfer runs is cancelled with it (its items
     * done stay done), rows not reached become {@code cancelled}. A {@code ConflictException} once
     * the batch has ended.
     */
    TransferBatch cancel(long id);
}
