-- The PostgreSQL form of derby/V11__job_scheduler.sql (BYTEA for BLOB); keep the two alike.
-- db-scheduler's upstream PostgreSQL schema, with zone-less UTC timestamps as on Derby (the engine
-- calls alwaysPersistTimestampInUTC) and bounded names.
CREATE TABLE scheduled_tasks (
    task_name             VARCHAR(100) NOT NULL,
    task_instance         VARCHAR(100) NOT NULL,
    task_data             BYTEA,
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
