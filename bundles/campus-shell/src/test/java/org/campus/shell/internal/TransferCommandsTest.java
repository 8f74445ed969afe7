package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.transfer.ItemCounts;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.PreviewConflict;
import org.campus.api.transfer.PreviewItem;
import org.campus.api.transfer.ResolutionOffer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferQuery;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.TransferState;
import org.campus.api.transfer.UndoItem;
import org.campus.api.transfer.UndoOutcome;
import org.campus.api.transfer.UndoRefusedException;
import org.campus.api.transfer.UndoResult;
import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.UndoRefusal;
import org.junit.jupiter.api.Test;

class TransferCommandsTest {

    private final Output output = new Output();
    private NewTransfer started;

    private final TransferService transfers = new TransferService() {
        @Override
        public TransferPreview preview(TransferUser from, TransferUser to, SourceAccount sourceAccount) {
            return new TransferPreview(from, to, sourceAccount, "The source account stays as it is.", List.of(
                    new PreviewItem("moodle:enrolment:12", "moodle", "enrolment", "Physics 101", null, List.of(), false,
                            null, new PreviewConflict("both enrolled", List.of(
                                    new ResolutionOffer(Resolution.MERGE, "union", false, null),
                                    new ResolutionOffer(Resolution.SKIP, "nothing", false, null)), null))),
                    List.of(), List.of("1 item(s) conflict"));
        }

        @Override
        public Transfer start(NewTransfer transfer, String requestedBy) {
            started = transfer;
            return transfer(TransferState.QUEUED);
        }

        @Override
        public Optional<Transfer> find(long id) {
            return Optional.of(transfer(TransferState.COMPLETED));
        }

        @Override
        public Page<Transfer> list(TransferQuery query, PageRequest page) {
            return new Page<>(List.of(transfer(TransferState.COMPLETED)), null);
        }

        @Override
        public Page<TransferItemResult> items(long id, PageRequest page) {
            return new Page<>(List.of(), null);
        }

        @Override
        public Transfer cancel(long id) {
            return transfer(TransferState.CANCELLED);
        }

        @Override
        public UndoResult undo(long id, String requestedBy) {
            throw new UndoRefusedException("transfer 3 cannot be undone", List.of(new UndoItem("moodle:enrolment:12",
                    "moodle", UndoOutcome.REFUSED, UndoRefusal.CHANGED_SINCE, "a teacher gave a role since")));
        }
    };

    private static Transfer transfer(TransferState state) {
        return new Transfer(3, new TransferUser(LmsId.of(5), "user 5"), new TransferUser(LmsId.of(6), "user 6"), state,
                SourceAccount.LEFT_AS_IS, "admin", Instant.EPOCH, null, null, 9, 0, null,
                new ItemCounts(1, 1, 0, 0, 0, 0, 0, 0), null, null, null, null, null, null);
    }

    @Test
    void previewListsItemsWithTheirResolutions() throws Exception {
        TransferPreviewCommand c = new TransferPreviewCommand();
        c.transfers = transfers;
        c.from = "5";
        c.to = "6";
        assertTrue(output.run(c));
        assertTrue(output.out().contains("moodle:enrolment:12"), output.out());
        assertTrue(output.out().contains("merge, skip"), output.out());
        assertTrue(output.out().contains("Warning: 1 item(s) conflict"), output.out());
    }

    @Test
    void startReadsResolutionsAndRefusesABadOne() throws Exception {
        TransferStartCommand c = new TransferStartCommand();
        c.transfers = transfers;
        c.from = "5";
        c.to = "6";
        c.items = List.of("moodle:enrolment:12");
        c.resolutions = List.of("moodle:enrolment:12=MERGE");
        assertTrue(output.run(c));
        assertEquals(Map.of("moodle:enrolment:12", Resolution.MERGE), started.resolutions());
        assertEquals(LmsId.of(5), started.from().id());
        assertTrue(output.out().contains("Transfer 3 queued"), output.out());

        started = null;
        c.resolutions = List.of("moodle:enrolment:12=overwrite");
        assertFalse(output.run(c));
        assertTrue(output.err().contains("resolution"), output.err());
        assertEquals(null, started);
    }

    @Test
    void undoRefusedPrintsTheReasonPerItem() throws Exception {
        TransferUndoCommand c = new TransferUndoCommand();
        c.transfers = transfers;
        c.id = 3;
        assertFalse(output.run(c));
        assertTrue(output.out().contains("changed_since"), output.out());
        assertTrue(output.err().contains("cannot be undone"), output.err());
    }
}
