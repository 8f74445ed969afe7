package org.campus.core.internal.transfer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.campus.api.transfer.ItemCounts;
import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferVerification;
import org.campus.api.transfer.VerificationCount;
import org.campus.api.transfer.VerificationFinding;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.job.JobContext;
import org.campus.spi.transfer.ObjectFate;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.VerificationContext;

/**
 * Verifies a transfer after it ended: asks each provider where the recorded objects are now, sums
 * the fates per provider and object type, and flags what does not add up.
 */
final class Verifier {

    private final JdbcTransactions jdbc;
    private final TransferRepository repository;
    private final TransferProviders providers;
    private final Clock clock;

    Verifier(JdbcTransactions jdbc, TransferRepository repository, TransferProviders providers, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.providers = providers;
        this.clock = clock;
    }

    TransferVerification verify(Transfer transfer, JobContext job) {
        List<String> reasons = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        List<VerificationFinding> findings = new ArrayList<>();
        int[] findingCount = {0};
        ItemCounts items = jdbc.read("counting transfer items", c -> repository.counts(c, transfer.id()));
        int unaccounted = items.selected() - items.transferred() - items.skipped();
        if (unaccounted > 0) {
            reasons.add(unaccounted + " of " + items.selected() + " selected items were neither moved nor skipped ("
                    + items.failed() + " failed, " + items.notRun() + " not run, " + items.undone() + " undone)");
        }
        for (String provider : jdbc.read("reading transfer providers", c -> repository.providers(c, transfer.id()))) {
            PagedItems<TransferRepository.ItemRow> rows = new PagedItems<>(jdbc, repository, transfer.id(), provider,
                    false, false, r -> r, ItemResult.TRANSFERRED, ItemResult.SKIPPED, ItemResult.FAILED);
            long count = rows.count();
            if (count == 0) {
                continue;
            }
            TransferProviders.Registered registered = providers.get(provider).orElse(null);
            if (registered == null) {
                reasons.add("the transfer provider " + provider + " is not registered: its items were not verified");
                continue;
            }
            Set<String> reporting = new HashSet<>();
            VerificationContext context = new Collect(job, provider, counts, findings, findingCount, reporting);
            try {
                registered.provider().verify(new Requests.Verification(transfer.from(), transfer.to(),
                        Long.toString(transfer.id()), count, () -> mapped(rows.iterator())), context);
            } catch (TransferException e) {
                reasons.add(provider + " could not verify: " + e.adminMessage());
                continue;
            } catch (RuntimeException e) {
                if (e instanceof org.campus.spi.job.JobSupersededException) {
                    throw e;
                }
                reasons.add(provider + " failed to verify: " + e);
                continue;
            }
            int silent = 0;
            for (TransferRepository.ItemRow row : rows) {
                if (row.outcome() == ItemResult.TRANSFERRED && !reporting.contains(row.itemId())) {
                    silent++;
                }
            }
            if (silent > 0) {
                reasons.add(provider + ": " + silent + " transferred items reported no object");
            }
        }
        if (findingCount[0] > 0) {
            reasons.add(findingCount[0] + " objects are not where the transfer meant them to be");
        }
        List<VerificationCount> summed = new ArrayList<>();
        counts.forEach((key, n) -> {
            int bar = key.indexOf('\u0000');
            summed.add(new VerificationCount(key.substring(0, bar), key.substring(bar + 1), n[0], n[1], n[2], n[3]));
        });
        return new TransferVerification(!reasons.isEmpty(), reasons, summed, findings, findingCount[0], clock.instant());
    }

    private static java.util.Iterator<org.campus.spi.transfer.TransferredItem> mapped(
            java.util.Iterator<TransferRepository.ItemRow> rows) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public org.campus.spi.transfer.TransferredItem next() {
                return Requests.transferred(rows.next());
            }
        };
    }

    private static final class Collect extends WorkContext implements VerificationContext {
        private final Map<String, int[]> counts;
        private final List<VerificationFinding> findings;
        private final int[] findingCount;
        private final Set<String> reporting;

        Collect(JobContext job, String provider, Map<String, int[]> counts, List<VerificationFinding> findings,
                int[] findingCount, Set<String> reporting) {
            super(job, provider);
            this.counts = counts;
            this.findings = findings;
            this.findingCount = findingCount;
            this.reporting = reporting;
        }

        @Override
        public boolean isCancelled() {
            return false; // a verification always runs to its end
        }

        @Override
        public void object(String itemId, String objectType, String objectId, ObjectFate expected, ObjectFate actual,
                String detail) {
            reporting.add(itemId);
            heartbeat(); // a verification of many items is a long silence for the job engine otherwise
            int[] n = counts.computeIfAbsent(provider + '\u0000' + objectType, k -> new int[4]);
            n[actual.ordinal()]++;
            if (expected != actual || actual == ObjectFate.LOST) {
                if (findingCount[0]++ < TransferVerification.MAX_FINDINGS) {
                    findings.add(new VerificationFinding(provider + ":" + itemId, objectType, objectId, expected, actual,
                            detail));
                }
            }
        }
    }
}
