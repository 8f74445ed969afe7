package org.campus.archiver.files.internal;

import org.campus.spi.archiver.ActivityArchiver;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The uploaded-files archiver (PID {@code campus.archiver.files}, file {@code etc/campus.archiver.files.cfg}). */
@ObjectClassDefinition(name = "Campus archiver: uploaded files",
        description = "Archives the files uploaded into a job for an activity, as they are")
public @interface FilesArchiverConfig {

    String PID = "campus.archiver.files";

    /** The service property {@value ActivityArchiver#PROPERTY_ACTIVITY_TYPES}. */
    @AttributeDefinition(name = "Activity types", description = "The activity types whose uploaded files this archiver"
            + " archives, e.g. files, assign, quiz (comma-separated in the .cfg file)")
    String[] archiver_activity_types() default {"files"};
}
