package org.campus.spi.transfer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

import org.campus.api.workflow.LmsId;

/**
 * Helpers for a provider whose items are rows that one user owns, each item id a prefix and the row's
 * number ({@code share:42}), and whose transfer changes the owner: what Campus's own providers (share
 * progress, workflow records, archive jobs) have in common, and third-party providers of that kind may
 * use as well. Stateless.
 *
 * @since 1.1
 */
public final class OwnedRows {

    private OwnedRows() {
    }

    /**
     * The row number of an item id made of {@code prefix} and a number.
     *
     * @throws IllegalArgumentException when the item id is not of that form
     */
    public static long rowId(String itemId, String prefix) {
        if (itemId == null || !itemId.startsWith(prefix)) {
            throw new IllegalArgumentException("not a '" + prefix + "' item: " + itemId);
        }
        try {
            return Long.parseLong(itemId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a '" + prefix + "' item: " + itemId, e);
        }
    }

    /**
     * The items in batches of at most {@code size}, each keyed by row number in the order given. Reads
     * the items as it goes: one batch is in memory at a time, however many items a transfer has.
     */
    public static Iterable<Map<Long, TransferredItem>> batches(Iterable<TransferredItem> items, String prefix,
            int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size " + size);
        }
        return () -> new Iterator<>() {
            private final Iterator<TransferredItem> source = items.iterator();

            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Map<Long, TransferredItem> next() {
                if (!source.hasNext()) {
                    throw new NoSuchElementException();
                }
                Map<Long, TransferredItem> batch = new LinkedHashMap<>();
                while (batch.size() < size && source.hasNext()) {
                    TransferredItem t = source.next();
                    batch.put(rowId(t.item().id(), prefix), t);
                }
                return batch;
            }
        };
    }

    /**
     * Verifies rows whose owner is what a transfer changes, a batch of owners read at a time: each row
     * was expected to move when its item was transferred and to stay otherwise; it did move when the
     * target owns it now, stayed when the source still does, and is lost when someone else or nobody
     * does.
     *
     * @param objectType the type the findings name, e.g. {@code share}
     * @param owners the current owner of each row number it is given; a row left out of the answer no
     *        longer exists
     * @param gone the detail of a finding for a row that no longer exists
     */
    public static void verifyOwners(VerificationRequest request, VerificationContext context, String prefix,
            String objectType, int batchSize, Function<Set<Long>, Map<Long, LmsId>> owners, String gone) {
        LmsId from = request.source().id();
        LmsId to = request.target().id();
        for (Map<Long, TransferredItem> batch : batches(request.items(), prefix, batchSize)) {
            Map<Long, LmsId> found = owners.apply(batch.keySet());
            batch.forEach((id, t) -> {
                ObjectFate expected = t.outcome() == ItemOutcome.TRANSFERRED ? ObjectFate.MOVED : ObjectFate.STAYED;
                LmsId owner = found.get(id);
                ObjectFate actual = to.equals(owner) ? ObjectFate.MOVED
                        : from.equals(owner) ? ObjectFate.STAYED : ObjectFate.LOST;
                context.object(t.item().id(), objectType, Long.toString(id), expected, actual,
                        owner == null ? gone : null);
            });
        }
    }
}
