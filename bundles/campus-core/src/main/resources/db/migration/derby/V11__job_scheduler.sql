-- db-scheduler's table (com.github.kagkarlsson:db-scheduler, embedded in campus-core): one row per
-- pending or running execution; the row of a running one carries the node that picked it and that
-- node's heartbeat. db-scheduler ships no Derby form; this is its generic schema in Derby's types,
-- with zone-less UTC timestamps (the engine calls alwaysPersistTimestampInUTC). The PostgreSQL form
-- is postgresql/V11__job_scheduler.sql; keep the two alike.
CREATE TABLE scheduled_tasks (
    task_name             VARCHAR(100) NOT NULL,
    task_instance         VARCHAR(100) NOT NULL,
    task_data             BLOB,
    execution_time        TIMESTAMP    NOT NULL,
    picked                BOOLEAN      NOT NULL,
    picked_by             VARCHAR(128),
    last_success          TIMESTAMP,
    last_failure          TIMESTAMP,
    consecutive_failures  INTEGER,
    last_heartbeat        TIMESTAMP,
    version               BIGINT       NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX ix_scheduled_tasks_due ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_heartbeat ON scheduled_tasks (last_heartbeat);
