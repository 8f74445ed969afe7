/**
 * The transfer service: moving a user's data from a duplicate account (the source) to the account
 * that stays (the target) over every registered transfer provider ({@code org.campus.spi.transfer}),
 * with a preview, an execution as a job, a verification, an undo and an audit
 * trail of its own. See {@code docs/TRANSFER.md}.
 *
 * <p>Items are named on this API by their qualified id, {@code <provider id>:<provider's item id>}
 * (e.g. {@code workflow:record:1200}), so that the items of several providers never clash.
 */
@Export
@Version("1.1.0")
package org.campus.api.transfer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
