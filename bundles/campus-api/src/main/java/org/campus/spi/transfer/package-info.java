/**
 * The transfer provider SPI: how a module moves one user's data to another user's account (the
 * duplicate-account case), so that the transfer service can preview, execute, verify and undo a
 * transfer over every module at once.
 *
 * <p>Modelled on Apache Sling's {@code JobExecutor} / {@code JobExecutionContext} pair, like every
 * Campus provider SPI (see {@link org.campus.spi}). A module implements the small
 * {@link org.campus.spi.transfer.TransferProvider} (a consumer type, a {@link org.campus.spi.Provider})
 * and registers it as an OSGi service with the identifying properties defined there. The core calls
 * it on a job thread with a context it implements, a {@link org.campus.spi.ProviderContext}
 * (progress, cancellation, a log with levels, a heartbeat) with builders and report methods for
 * whatever the provider hands back (items, undo records, outcomes, verification findings). Because
 * everything the provider hands back goes through the context, a new optional field is a minor
 * version of this package, never a broken provider.
 *
 * <p>The lifecycle of a transfer, as the core drives it:
 * <ol>
 * <li>{@link org.campus.spi.transfer.TransferProvider#listItems listItems}: what could move, with
 * conflicts and the resolutions offered. Changes nothing.</li>
 * <li>{@link org.campus.spi.transfer.TransferProvider#transfer transfer}: the admin's selection, one
 * item at a time. Before it changes anything for an item the provider hands the core an
 * {@link org.campus.spi.transfer.UndoRecord} (write-ahead), and the core persists it in the
 * transfer's job before the call returns; afterwards it reports the item's outcome with the final
 * record.</li>
 * <li>{@link org.campus.spi.transfer.TransferProvider#verify verify}: where every recorded object
 * is now (moved, stayed, removed on purpose, lost).</li>
 * <li>{@link org.campus.spi.transfer.TransferProvider#undo undo} (and its dry run): restores the
 * recorded previous state, item by item, or says why not.</li>
 * </ol>
 *
 * <p>{@link org.campus.spi.transfer.OwnedRows} (1.1) holds what providers of user-owned rows have in
 * common: item ids to row numbers, batches of transferred items, verification by owner.
 *
 * <p>See {@code docs/TRANSFER.md} for the semantics of conflicts, resolutions, undo, the source
 * account and learning progress.
 */
@Export
@Version("1.1.0")
package org.campus.spi.transfer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
