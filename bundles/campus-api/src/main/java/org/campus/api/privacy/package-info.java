/**
 * The privacy contract. Every service and every provider bundle that stores personal data
 * registers a {@link org.campus.api.privacy.PrivacyProvider}; the {@link org.campus.api.privacy.PrivacyService}
 * aggregates them behind one export and one erasure per user, and one purge per course. Erasures
 * run as jobs (2.0: they were synchronous calls before).
 */
@Export
@Version("2.0.0")
package org.campus.api.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
