/**
 * The restore-side check of archived course roles: given the roles of a target site, which
 * archived role matches which target role (by short name, then by capability set), which collide
 * and which match none. Implemented by the {@code campus-archiver-roles} bundle, which also writes
 * the roles into archives; the HTTP API and the console call it.
 */
@Export
@Version("1.0.0")
package org.campus.api.archive.roles;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
