/**
 * Workflow definitions: the states a record can be in, the actions that move it between them,
 * and which roles may see, change or act on it in each state. The model follows Plone's
 * DCWorkflow closely enough that a DCWorkflow {@code definition.xml} can be imported and
 * exported again without losing what Campus understands.
 *
 * <p>2.0 runs record migrations as jobs ({@link MigrationJob}), and gives states and actions
 * titles and descriptions in several languages: {@link StateDef} and {@link ActionDef} have two
 * more components, {@code titles} and {@code descriptions}; their 1.2 constructors stay.
 */
@Export
@Version("2.0.0")
package org.campus.api.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
