/**
 * Share progress: what a user sent from the LMS to an external content repository (MoodleNet
 * and the like), and where that send stands.
 */
@Export
@Version("1.0.0")
package org.campus.api.sharing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
