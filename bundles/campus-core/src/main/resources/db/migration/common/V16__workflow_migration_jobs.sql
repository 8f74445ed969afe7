-- Record migrations run as jobs (docs/WORKFLOW-VERSIONS.md): changing the workflow of records
-- (a state map, or a binding plan's option) no longer runs in the HTTP request under a table lock.
-- Each job moves its records in batches, one transaction per batch together with the job's
-- checkpoint, locking only the batch's rows. Written through plain JDBC only (MigrationPlans).

-- The plan of each migration job, written with the job in one transaction, deleted with the job.
-- record_action: 'migrate' (to to_workflow_id by the state map), 'hide' or 'viewOnly' (the records
--   stay on from_workflow_id; to_workflow_id is the workflow their scope follows now).
-- plan_option: the binding plan's option (hide, viewOnly, moveInitial), NULL for a state map alone.
-- scope: NULL for an explicit migration, whose records are those of from_workflow_id in
--   course_id / activity_id ('' for any); else the binding scope ('global', 'course', 'activity')
--   whose records follow it: those of the scope on from_workflow_id, except those of narrower
--   scopes with a binding of their own. No personal data: actor names an admin or an API key.
CREATE TABLE workflow_migration (
    job_id            BIGINT         NOT NULL PRIMARY KEY REFERENCES job (id),
    from_workflow_id  BIGINT         NOT NULL REFERENCES workflow (id),
    to_workflow_id    BIGINT         NOT NULL REFERENCES workflow (id),
    record_action     VARCHAR(16)    NOT NULL,
    plan_option       VARCHAR(16),
    scope             VARCHAR(16),
    course_id         VARCHAR(255)   NOT NULL,
    activity_id       VARCHAR(255)   NOT NULL,
    actor             VARCHAR(255)   NOT NULL,
    comment_text      VARCHAR(1000)  NOT NULL,
    records_planned   BIGINT         NOT NULL,
    time_created      BIGINT         NOT NULL
);

-- unfinished migrations from or to a workflow (a new one must not overlap them), and a scope's last
-- migration to its workflow (binding the scope again with a plan finishes it)
CREATE INDEX ix_wf_migration_from ON workflow_migration (from_workflow_id, job_id);
CREATE INDEX ix_wf_migration_to ON workflow_migration (to_workflow_id, time_created);

-- Per state of the old workflow: the state it maps to (NULL: unmapped, its records stay), how many
-- records were in it at submit, and how many the job changed so far (updated in each batch's
-- transaction, so exact across attempts).
CREATE TABLE workflow_migration_state (
    job_id      BIGINT        NOT NULL REFERENCES workflow_migration (job_id) ON DELETE CASCADE,
    from_state  VARCHAR(100)  NOT NULL,
    to_state    VARCHAR(100),
    planned     BIGINT        NOT NULL,
    done        BIGINT        NOT NULL,
    PRIMARY KEY (job_id, from_state)
);

-- A migration's batches: a workflow's records in id order (keyset), from the index alone up to the
-- rows of the batch. It holds no state, so actions do not update it; only a move changes its entry.
CREATE INDEX ix_wf_record_workflow ON workflow_record (workflow_id, id);
