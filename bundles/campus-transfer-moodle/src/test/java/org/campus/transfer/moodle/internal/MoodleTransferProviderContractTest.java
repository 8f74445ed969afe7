package org.campus.transfer.moodle.internal;

import java.util.Set;

import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.campus.testkit.transfer.TransferProviderContract;
import org.junit.jupiter.api.AfterEach;

/** The Moodle provider passes the transfer-provider contract, against a fake Moodle site. */
class MoodleTransferProviderContractTest extends TransferProviderContract {

    private FakeMoodle lms;
    private MoodleTransferProvider provider;

    @Override
    protected void createFixture() throws Exception {
        closeLms();
        lms = MoodleFixture.seed(new FakeMoodle());
        provider = new MoodleTransferProvider(lms.settings(10));
    }

    @AfterEach
    void closeLms() {
        if (lms != null) {
            lms.close();
            lms = null;
        }
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
