/**
 * Who may call Campus: API keys of LMS clients (stored hashed, scoped), the administrators of the
 * container's realm, and the audit trail of the changes both make.
 */
@Export
@Version("1.1.0")
package org.campus.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
