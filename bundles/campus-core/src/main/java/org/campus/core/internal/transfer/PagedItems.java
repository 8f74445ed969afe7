package org.campus.core.internal.transfer;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.campus.api.transfer.ItemResult;
import org.campus.core.internal.db.JdbcTransactions;

/**
 * A transfer's items read a page at a time (a transfer may hold very many), mapped to what a
 * provider receives. Iterable once per {@link #iterator()} call, each reading afresh.
 */
final class PagedItems<T> implements Iterable<T> {

    static final int PAGE = 500;

    private final JdbcTransactions jdbc;
    private final TransferRepository repository;
    private final long transferId;
    private final String provider;
    private final boolean descending;
    private final boolean withRecordOnly;
    private final ItemResult[] outcomes;
    private final Function<TransferRepository.ItemRow, T> mapper;

    PagedItems(JdbcTransactions jdbc, TransferRepository repository, long transferId, String provider,
            boolean descending, boolean withRecordOnly, Function<TransferRepository.ItemRow, T> mapper,
            ItemResult... outcomes) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.transferId = transferId;
        this.provider = provider;
        this.descending = descending;
        this.withRecordOnly = withRecordOnly;
        this.outcomes = outcomes.clone();
        this.mapper = mapper;
    }

    long count() {
        return jdbc.read("counting transfer items",
                c -> repository.count(c, transferId, provider, withRecordOnly, outcomes));
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private List<TransferRepository.ItemRow> page = List.of();
            private int index;
            private int after = descending ? Integer.MAX_VALUE : 0;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                int from = after;
                page = jdbc.read("reading transfer items", c -> repository.items(c, transferId, provider, from,
                        descending, PAGE, withRecordOnly, outcomes));
                index = 0;
                last = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).seqNo();
                }
                return !page.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return mapper.apply(page.get(index++));
            }
        };
    }
}
