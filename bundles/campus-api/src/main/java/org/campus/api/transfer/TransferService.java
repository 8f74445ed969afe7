package org.campus.api.transfer;

import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Moves a user's data from a duplicate account (the source) to the account that stays (the
 * target) over every registered transfer provider: a preview, an execution as a job, a
 * verification after it, an undo. See {@code docs/TRANSFER.md}.
 *
 * <p>Two transfers (or undos) touching one user never run together: starting one while another
 * holds either user is refused with a {@code ConflictException} naming the other transfer.
 *
 * <p>Posts {@link #TOPIC_ENDED} and {@link #TOPIC_UNDONE} events with the properties {@code id},
 * {@code state}, {@code fromUserId}, {@code toUserId}, {@code courses} (the LMS course ids the
 * moved items touch, comma-separated), {@code flagged} and {@code sourceAccount}.
 */
@ProviderType
public interface TransferService {

    String TOPIC_ENDED = "campus/transfer/ENDED";
    String TOPIC_UNDONE = "campus/transfer/UNDONE";

    /** The job type of a transfer's execution. */
    String JOB_TYPE = "transfer.execute";

    /** The job type of the LMS callback after a transfer or an undo. */
    String JOB_TYPE_CALLBACK = "transfer.callback";

    /** Asks every provider what it could move now; changes nothing. */
    TransferPreview preview(TransferUser from, TransferUser to, SourceAccount sourceAccount);

    /**
     * Queues a transfer of the chosen items. Refused with an {@code InvalidInputException} naming the
     * field ({@code items}, {@code resolutions.<item id>}) for an unknown item, a conflicting item
     * without a resolution, or a resolution not offered; with a {@code ConflictException} while
     * another transfer holds either user.
     */
    Transfer start(NewTransfer transfer, String requestedBy);

    Optional<Transfer> find(long id);

    /** Transfers, newest first. */
    Page<Transfer> list(TransferQuery query, PageRequest page);

    /** A transfer's items in their order, with outcomes. A {@code NotFoundException} for an unknown transfer. */
    Page<TransferItemResult> items(long id, PageRequest page);

    /**
     * Cancels a queued or running transfer: it stops between items, and the items done stay done (they
     * can be undone). A {@code ConflictException} for a transfer that has ended.
     */
    Transfer cancel(long id);

    /**
     * Undoes an ended transfer: first asks every provider whether it could (a dry run), and undoes
     * only if every item can be. Refused, with nothing changed, by an {@link UndoRefusedException}
     * naming the reason of each item that cannot be undone (or why the transfer cannot).
     */
    UndoResult undo(long id, String requestedBy);
}
