package org.campus.transfer.moodle.internal;

import java.util.Set;

import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.campus.testkit.transfer.TransferProviderContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Moodle provider passes the transfer-provider contract, against a fake Moodle site. */
class MoodleTransferProviderContractTest extends TransferProviderContract {

    private static FakeMoodle lms;
    private static MoodleTransferProvider provider;

    @BeforeAll
    static void start() throws Exception {
        lms = new FakeMoodle();
        provider = new MoodleTransferProvider(lms.settings(10));
    }

    @AfterAll
    static void stop() {
        lms.close();
    }

    @Override
    protected void createFixture() {
        MoodleFixture.seed(lms.reset());
    }

    @Override
    protected TransferProvider provider() {
        return provider;
    }

    @Override
    protected TransferUser source() {
        return MoodleFixture.SOURCE_USER;
    }

    @Override
    protected TransferUser target() {
        return MoodleFixture.TARGET_USER;
    }

    @Override
    protected Object snapshot() {
        return lms.state();
    }

    @Override
    protected boolean changeAfterTransfer(TransferItem item) {
        lms.assign(MoodleFixture.TARGET, Long.parseLong(item.parameters().get(EnrolmentListing.COURSE_ID)),
                MoodleFixture.TEACHER);
        return true;
    }

    @Override
    protected Set<String> declaredItemTypes() {
        return Set.of(EnrolmentObjects.ITEM_TYPE);
    }
}
