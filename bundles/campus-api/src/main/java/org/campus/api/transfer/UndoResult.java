package org.campus.api.transfer;

import java.util.List;

/**
 * What an undo did: every item it undid, and those it could not undo after all (a provider failed
 * half way), each with the reason.
 *
 * @param complete whether every item with something to undo was undone
 */
public record UndoResult(long transferId, boolean complete, List<UndoItem> items) {

    public UndoResult {
        items = List.copyOf(items);
    }
}
