package org.campus.transfer.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.campus.testkit.transfer.TransferProviderContract;
import org.junit.jupiter.api.Test;

/** The archive-job provider passes the transfer provider contract. */
class ArchiveTransferProviderContractTest extends TransferProviderContract {

    static final TransferUser SOURCE = new TransferUser(LmsId.of(5), "Ann (old)");
    static final TransferUser TARGET = new TransferUser(LmsId.of("ann-b"), "Ann");

    private final MemoryArchiveJobs jobs = new MemoryArchiveJobs();

    @Override
    protected TransferProvider provider() {
        return new ArchiveTransferProvider(jobs);
    }

    @Override
    protected TransferUser source() {
        return SOURCE;
    }

    @Override
    protected TransferUser target() {
        return TARGET;
    }

    @Override
    protected void createFixture() {
        jobs.jobs.clear();
        jobs.add(1, SOURCE.id(), 12);
        jobs.add(2, SOURCE.id(), 12);
        jobs.add(3, SOURCE.id(), 13);
        jobs.add(4, TARGET.id(), 12);
        jobs.add(5, LmsId.of(99), 12);
    }

    @Override
    protected Object snapshot() {
        return jobs.snapshot();
    }

    @Override
    protected boolean changeAfterTransfer(TransferItem item) {
        jobs.user(ArchiveTransferProvider.jobId(item.id()), LmsId.of(99));
        return true;
    }

    @Override
    protected Set<String> declaredItemTypes() {
        return Set.of(ArchiveTransferProvider.TYPE);
    }

    @Override
    protected boolean fixtureHasConflicts() {
        return false;
    }

    @Test
    void anItemIsTitledByCourseAndCreationTime() {
        assertEquals("Archive of course 12, created 2026-11-30 09:15 UTC",
                ArchiveTransferProvider.title(MemoryArchiveJobs.job(1, LmsId.of(12),
                        SOURCE.id(), java.time.Instant.parse("2026-11-30T09:15:42Z"))));
    }
}
