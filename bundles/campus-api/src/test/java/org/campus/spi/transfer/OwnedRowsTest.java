package org.campus.spi.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.campus.api.workflow.LmsId;
import org.campus.spi.LogLevel;
import org.junit.jupiter.api.Test;

class OwnedRowsTest {

    private record Item(String id) implements TransferItem {
        @Override
        public String type() {
            return "share";
        }

        @Override
        public String title() {
            return id;
        }

        @Override
        public String info() {
            return null;
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of();
        }

        @Override
        public Set<LmsId> courses() {
            return Set.of();
        }

        @Override
        public boolean irreversible() {
            return false;
        }

        @Override
        public String irreversibleReason() {
            return null;
        }

        @Override
        public Optional<Conflict> conflict() {
            return Optional.empty();
        }
    }

    private record Done(TransferItem item, ItemOutcome outcome) implements TransferredItem {
        @Override
        public Optional<Resolution> resolution() {
            return Optional.empty();
        }

        @Override
        public Optional<UndoRecord> undoRecord() {
            return Optional.empty();
        }
    }

    private static List<TransferredItem> items(long... ids) {
        return LongStream.of(ids).mapToObj(id -> (TransferredItem) new Done(new Item("share:" + id),
                ItemOutcome.TRANSFERRED)).toList();
    }

    @Test
    void rowIdReadsTheNumberAfterThePrefixAndRefusesAnythingElse() {
        assertEquals(42L, OwnedRows.rowId("share:42", "share:"));
        assertThrows(IllegalArgumentException.class, () -> OwnedRows.rowId("record:42", "share:"));
        assertThrows(IllegalArgumentException.class, () -> OwnedRows.rowId("share:x", "share:"));
        assertThrows(IllegalArgumentException.class, () -> OwnedRows.rowId(null, "share:"));
    }

    @Test
    void batchesKeepTheOrderAndReadTheItemsOnlyAsFarAsTheBatchAtHand() {
        List<TransferredItem> all = items(5, 3, 9, 1, 7);
        AtomicInteger read = new AtomicInteger();
        Iterable<TransferredItem> counted = () -> new Iterator<>() {
            private final Iterator<TransferredItem> it = all.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public TransferredItem next() {
                read.incrementAndGet();
                return it.next();
            }
        };

        Iterator<Map<Long, TransferredItem>> batches = OwnedRows.batches(counted, "share:", 2).iterator();
        assertEquals(List.of(5L, 3L), new ArrayList<>(batches.next().keySet()));
        assertEquals(2, read.get());
        assertEquals(List.of(9L, 1L), new ArrayList<>(batches.next().keySet()));
        assertEquals(List.of(7L), new ArrayList<>(batches.next().keySet()));
        assertEquals(false, batches.hasNext());
        assertThrows(IllegalArgumentException.class, () -> OwnedRows.batches(all, "share:", 0));
    }

    @Test
    void verifyOwnersReportsMovedStayedAndLostFromTheOwnersFoundPerBatch() {
        LmsId from = LmsId.of(1);
        LmsId to = LmsId.of(2);
        List<TransferredItem> all = new ArrayList<>(items(10, 11, 12));
        all.add(new Done(new Item("share:13"), ItemOutcome.FAILED));
        List<String> findings = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        VerificationRequest request = new VerificationRequest() {
            @Override
            public TransferUser source() {
                return new TransferUser(from, "Old account");
            }

            @Override
            public TransferUser target() {
                return new TransferUser(to, "New account");
            }

            @Override
            public String transferId() {
                return "7";
            }

            @Override
            public long itemCount() {
                return all.size();
            }

            @Override
            public Iterable<TransferredItem> items() {
                return all;
            }
        };
        VerificationContext context = new VerificationContext() {
            @Override
            public void object(String itemId, String objectType, String objectId, ObjectFate expected,
                    ObjectFate actual, String detail) {
                findings.add(itemId + " " + objectType + "/" + objectId + " " + expected + "->" + actual
                        + (detail == null ? "" : " (" + detail + ")"));
            }

            @Override
            public void initProgress(long steps) {
            }

            @Override
            public void incrementProgress(long steps) {
            }

            @Override
            public void estimateRemaining(Duration remaining) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void log(LogLevel level, String message, Object... arguments) {
            }

            @Override
            public void heartbeat() {
            }
        };

        OwnedRows.verifyOwners(request, context, "share:", "share", 3, ids -> {
            batchSizes.add(ids.size());
            return ids.contains(10L) ? Map.of(10L, to, 11L, from) : Map.of(13L, from);
        }, "the share no longer exists");

        assertEquals(List.of(3, 1), batchSizes);
        assertEquals(List.of("share:10 share/10 MOVED->MOVED", "share:11 share/11 MOVED->STAYED",
                "share:12 share/12 MOVED->LOST (the share no longer exists)", "share:13 share/13 STAYED->STAYED"),
                findings);
    }
}
