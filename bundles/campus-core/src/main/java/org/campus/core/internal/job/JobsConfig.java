package org.campus.core.internal.job;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Campus jobs",
        description = "The job engine: its pool, how it tells a live job from a dead one, and what it does with a dead one")
public @interface JobsConfig {

    String PID = "campus.jobs";

    @AttributeDefinition(name = "Pool size", description = "How many jobs this node runs at once (1 to 256)")
    int poolSize() default 4;

    @AttributeDefinition(name = "Heartbeat interval (ms)",
            description = "How often a node records that its running executions are alive, how often the engine"
                    + " looks for dead jobs, and the unit of the limit below")
    long heartbeatIntervalMs() default 15_000L;

    @AttributeDefinition(name = "Missed heartbeats before dead",
            description = "A running job that has not reported for this many heartbeat intervals is taken for dead"
                    + " (at least 4)")
    int missedHeartbeats() default 4;

    @AttributeDefinition(name = "Dead job action",
            description = "retry: a dead job is resumed from its last checkpoint by a new attempt (while attempts"
                    + " remain); fail: it ends failed with the reason")
    String deadJobAction() default "retry";

    @AttributeDefinition(name = "Attempts",
            description = "A job ends failed once this many of its attempts failed or died")
    int maxAttempts() default 3;

    @AttributeDefinition(name = "Retry backoff (s)",
            description = "The wait before the attempt after a failed one; doubled for each further failed attempt")
    int retryBackoffSeconds() default 30;

    @AttributeDefinition(name = "Most retry backoff (s)", description = "The longest wait between attempts")
    int maxRetryBackoffSeconds() default 3600;

    @AttributeDefinition(name = "Poll interval (ms)",
            description = "How often a node looks for due jobs; a job submitted on this node starts at once")
    long pollIntervalMs() default 5_000L;

    @AttributeDefinition(name = "Node name",
            description = "This node's name, unique among the nodes on one database; empty: the host name")
    String nodeName() default "";

    @AttributeDefinition(name = "Executor wait (s)",
            description = "How long a due job waits for an executor of its type to be registered (after a"
                    + " restart, bundles come up one by one) before it fails")
    int executorWaitSeconds() default 300;

    @AttributeDefinition(name = "Shutdown wait (s)",
            description = "How long a stopping node waits for its running jobs to stop at their next check; they"
                    + " are resumed by the next start or by another node")
    int shutdownWaitSeconds() default 10;
}
