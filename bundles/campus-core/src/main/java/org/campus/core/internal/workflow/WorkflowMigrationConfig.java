package org.campus.core.internal.workflow;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Campus workflow record migrations",
        description = "Migration jobs move the records of a workflow (a state map, or a binding's plan) in batches")
public @interface WorkflowMigrationConfig {

    String PID = "campus.workflow.migration";

    @AttributeDefinition(name = "Batch size",
            description = "Records per batch (1 to 2000). Each batch is one transaction with the job's checkpoint"
                    + " and locks its records until it commits: an action on one of them waits that long.")
    int batchSize() default 500;
}
