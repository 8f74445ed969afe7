package org.campus.api.transfer;

import org.campus.spi.transfer.UndoRefusal;

/**
 * What an undo did (or, refused, would not do) to one item.
 *
 * @param reason why it was not undone, or {@code null}
 * @param detail a sentence for the admin, or {@code null}
 */
public record UndoItem(String id, String provider, UndoOutcome outcome, UndoRefusal reason, String detail) {
}
