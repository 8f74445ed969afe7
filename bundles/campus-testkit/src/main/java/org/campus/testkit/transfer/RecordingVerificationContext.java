package org.campus.testkit.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.campus.spi.transfer.ObjectFate;
import org.campus.spi.transfer.VerificationContext;

/** Records every object report. */
final class RecordingVerificationContext extends BaseContext implements VerificationContext {

    private final Set<String> asked;
    final List<VerificationReport.ObjectReport> objects = new ArrayList<>();

    RecordingVerificationContext(Set<String> asked) {
        super(() -> false);
        this.asked = asked;
    }

    @Override
    public void object(String itemId, String objectType, String objectId, ObjectFate expected, ObjectFate actual,
            String detail) {
        if (!asked.contains(itemId)) {
            throw new IllegalStateException("item " + itemId + " was not to be verified");
        }
        Checks.notBlank(objectType, "objectType");
        Checks.notBlank(objectId, "objectId");
        Checks.require(expected != null && actual != null, "expected and actual fates are required");
        objects.add(new VerificationReport.ObjectReport(itemId, objectType, objectId, expected, actual, detail));
    }
}
