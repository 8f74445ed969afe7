package org.campus.api.transfer;

import java.util.List;

import org.campus.api.ConflictException;

/**
 * An undo refused as a whole, with nothing changed: the transfer is not undoable now, and
 * {@link #items()} says why for each item that cannot be undone (a provider without undo, data
 * changed since the transfer, past the undo window).
 */
public class UndoRefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final transient List<UndoItem> items;

    public UndoRefusedException(String message, List<UndoItem> items) {
        super(message);
        this.items = List.copyOf(items);
    }

    /** The refused items, each with its reason; empty when the transfer as a whole cannot be undone. */
    public List<UndoItem> items() {
        return items;
    }
}
