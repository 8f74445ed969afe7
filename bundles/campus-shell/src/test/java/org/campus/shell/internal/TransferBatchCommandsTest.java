package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.transfer.NewTransferBatch;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchRowStatus;
import org.campus.api.transfer.TransferBatchService;
import org.campus.api.transfer.TransferBatchState;
import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferBatchCommandsTest {

    private final Output output = new Output();
    private NewTransferBatch submitted;

    @TempDir
    Path dir;

    private final TransferBatchService batches = new TransferBatchService() {
        @Override
        public TransferBatch submit(NewTransferBatch batch, String requestedBy) {
            submitted = batch;
            return batch(TransferBatchState.QUEUED);
        }

        @Override
        public Optional<TransferBatch> find(long id) {
            return Optional.of(batch(TransferBatchState.COMPLETED));
        }

        @Override
        public Page<TransferBatch> list(PageRequest page) {
            return new Page<>(List.of(batch(TransferBatchState.RUNNING)), "c1");
        }

        @Override
        public Page<TransferBatchRow> rows(long id, PageRequest page) {
            return new Page<>(List.of(new TransferBatchRow(1, new TransferUser(LmsId.of(5), "A"),
                    new TransferUser(LmsId.of(6), "B"), TransferBatchRowStatus.NEEDS_RESOLUTION, null,
                    "1 conflicting item(s) need a resolution", Instant.EPOCH)), null);
        }

        @Override
        public TransferBatch cancel(long id) {
            return batch(TransferBatchState.CANCELLED);
        }
    };

    private static TransferBatch batch(TransferBatchState state) {
        Map<TransferBatchRowStatus, Integer> counts = new EnumMap<>(TransferBatchRowStatus.class);
        for (TransferBatchRowStatus s : TransferBatchRowStatus.values()) {
            counts.put(s, 0);
        }
        counts.put(TransferBatchRowStatus.COMPLETED, 2);
        counts.put(TransferBatchRowStatus.NEEDS_RESOLUTION, 1);
        return new TransferBatch(8, state, null, SourceAccount.LEFT_AS_IS, "admin", Instant.EPOCH, null, null, 4, 3,
                counts, null);
    }

    @Test
    void submitReadsTheFileAndTheOptions() throws Exception {
        Path csv = dir.resolve("pairs.csv");
        Files.writeString(csv, "fromUserId,toUserId\n5,6\n", StandardCharsets.UTF_8);
        TransferBatchSubmitCommand c = new TransferBatchSubmitCommand();
        c.batches = batches;
        c.file = csv.toString();
        c.resolution = "MERGE";
        assertTrue(output.run(c), output.err());
        assertEquals(Resolution.MERGE, submitted.resolution());
        assertEquals("fromUserId,toUserId\n5,6\n", new String(submitted.csv(), StandardCharsets.UTF_8));
        assertTrue(output.out().contains("Transfer batch 8 queued: 3 rows from pairs.csv"), output.out());
    }

    @Test
    void submitRefusesAMissingFileADirectoryAndATooLargeOne() throws Exception {
        TransferBatchSubmitCommand c = new TransferBatchSubmitCommand();
        c.batches = batches;
        c.file = dir.resolve("nope.csv").toString();
        assertFalse(output.run(c));
        assertTrue(output.err().contains("does not exist"), output.err());
        c.file = dir.toString();
        assertFalse(output.run(c));
        assertTrue(output.err().contains("not a regular file"), output.err());
        Path big = dir.resolve("big.csv");
        Files.write(big, new byte[TransferBatchService.MAX_BYTES + 1]);
        c.file = big.toString();
        assertFalse(output.run(c));
        assertTrue(output.err().contains("larger than"), output.err());
        assertNull(submitted);
    }

    @Test
    void listShowAndCancel() throws Exception {
        TransferBatchListCommand list = new TransferBatchListCommand();
        list.batches = batches;
        assertTrue(output.run(list));
        assertTrue(output.out().contains("needs_resolution 1, completed 2"), output.out());
        assertTrue(output.out().contains("Next cursor: c1"), output.out());

        TransferBatchShowCommand show = new TransferBatchShowCommand();
        show.batches = batches;
        show.id = 8;
        assertTrue(output.run(show));
        assertTrue(output.out().contains("needs_resolution"), output.out());

        TransferBatchCancelCommand cancel = new TransferBatchCancelCommand();
        cancel.batches = batches;
        cancel.id = 8;
        assertTrue(output.run(cancel));
        assertTrue(output.out().contains("Transfer batch 8 cancelled."), output.out());
    }
}
