package org.campus.testkit.transfer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.campus.spi.transfer.UndoContext;
import org.campus.spi.transfer.UndoRefusal;

/** Records one undo report per item. */
final class RecordingUndoContext extends BaseContext implements UndoContext {

    private final Set<String> asked;
    final Set<String> undone = new LinkedHashSet<>();
    final Map<String, UndoReport.Refusal> refused = new LinkedHashMap<>();

    RecordingUndoContext(Set<String> asked) {
        super(() -> false);
        this.asked = asked;
    }

    @Override
    public void undone(String itemId) {
        once(itemId);
        undone.add(itemId);
    }

    @Override
    public void refused(String itemId, UndoRefusal reason, String detail) {
        Checks.require(reason != null, "a refusal needs its reason");
        Checks.notBlank(detail, "refusal detail");
        once(itemId);
        refused.put(itemId, new UndoReport.Refusal(reason, detail));
    }

    private void once(String itemId) {
        if (!asked.contains(itemId)) {
            throw new IllegalStateException("item " + itemId + " was not to be undone");
        }
        if (undone.contains(itemId) || refused.containsKey(itemId)) {
            throw new IllegalStateException("item " + itemId + " already has an undo report");
        }
    }
}
