package org.campus.storage.filesystem.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One file system store (factory PID {@code campus.storage.filesystem}, files {@code etc/campus.storage.filesystem-<name>.cfg}). */
@ObjectClassDefinition(name = "Campus storage: file system",
        description = "Keeps archives as files under a base directory; each configuration is one storage driver")
public @interface FilesystemStorageConfig {

    String FACTORY_PID = "campus.storage.filesystem";

    @AttributeDefinition(name = "Storage id", description = "The driver's id (storage.id), unique among storage"
            + " drivers: lower-case letters, digits, '.', '-'; keep it once archives are stored")
    String storage_id() default "filesystem";

    @AttributeDefinition(name = "Title", description = "For people, in the overviews", required = false)
    String storage_title() default "Local disk";

    @AttributeDefinition(name = "Base directory", description = "Where the archives are kept; created when missing")
    String base_dir();

    @AttributeDefinition(name = "Sync to disk", description = "Sync each file and its directory before an archive"
            + " counts as stored (turn off only for tests on throw-away disks)")
    boolean fsync() default true;

    @AttributeDefinition(name = "Low space warning (percent)", description = "Health is degraded when less than this"
            + " share of the file system is free")
    int lowSpacePercent() default 5;

    @AttributeDefinition(name = "Erasing a user", description = "What a privacy erasure of a user does with archives"
            + " that hold the user's data: retain them (archives are records kept for their retention time; the"
            + " export lists them) or delete them whole",
            options = {@Option(label = "retain", value = "retain"), @Option(label = "delete", value = "delete")})
    String privacy_userArchives() default "retain";
}
