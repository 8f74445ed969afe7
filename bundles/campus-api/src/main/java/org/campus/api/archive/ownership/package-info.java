/**
 * The LMS user an archive job was made for ({@code archive_job.user_id}), and moving jobs from one
 * user to another: what the transfer provider for archive jobs ({@code campus-transfer-archive})
 * needs. See {@code docs/TRANSFER.md}, "Campus's own data".
 */
@Export
@Version("1.0.0")
package org.campus.api.archive.ownership;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
