/**
 * Share progress: what a user sent from the LMS to an external content repository (MoodleNet
 * and the like), and where that send stands.
 *
 * <p>2.0: the course, user and course module ids are {@link org.campus.api.workflow.LmsId}s (a string
 * or a whole number, as the LMS sent it), no longer {@code long}s.
 */
@Export
@Version("2.1.0")
package org.campus.api.sharing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
