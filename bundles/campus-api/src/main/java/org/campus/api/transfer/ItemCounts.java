package org.campus.api.transfer;

/**
 * The selected items of a transfer by what became of them. {@code notUndone} counts the transferred
 * items that a failing transfer tried to undo and could not (their undo refusal says why).
 */
public record ItemCounts(int selected, int pending, int transferred, int skipped, int failed, int notRun,
        int undone, int notUndone) {

    public static final ItemCounts NONE = new ItemCounts(0, 0, 0, 0, 0, 0, 0, 0);
}
