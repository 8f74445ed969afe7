/**
 * Workflow definitions: the states a record can be in, the actions that move it between them,
 * and which roles may see, change or act on it in each state. The model follows Plone's
 * DCWorkflow closely enough that a DCWorkflow {@code definition.xml} can be imported and
 * exported again without losing what Campus understands.
 */
@Export
@Version("1.3.0")
package org.campus.api.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
