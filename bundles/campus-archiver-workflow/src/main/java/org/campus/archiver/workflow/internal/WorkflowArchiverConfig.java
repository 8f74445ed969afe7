package org.campus.archiver.workflow.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The workflow records archiver (PID {@code campus.archiver.workflow}). */
@ObjectClassDefinition(name = "Campus archiver: workflow records",
        description = "Archives an activity's workflow records with their whole history")
public @interface WorkflowArchiverConfig {

    String PID = "campus.archiver.workflow";

    @AttributeDefinition(name = "Page size", description = "Records read per query (with their histories), 1 to 500")
    int pageSize() default 200;
}
