package org.campus.spi.transfer;

/** How the transfer of one selected item ended, as the provider reported it. */
public enum ItemOutcome {

    /** {@link ExecutionContext#transferred}: the item moved. */
    TRANSFERRED,

    /** {@link ExecutionContext#skipped}: nothing was changed. */
    SKIPPED,

    /** {@link ExecutionContext#failed}: not transferred; a partial record says what changed anyway. */
    FAILED
}
