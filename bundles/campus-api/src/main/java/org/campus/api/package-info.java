/**
 * Types shared by every Campus service: paging, the error vocabulary that the HTTP API maps to
 * problem details, and field-level validation errors.
 */
@Export
@Version("1.0.0")
package org.campus.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
