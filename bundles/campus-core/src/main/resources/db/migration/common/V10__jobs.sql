-- The job engine's own records (docs/JOBS.md). db-scheduler (V11, table scheduled_tasks) claims,
-- runs and recovers executions, and deletes its rows when they end; these tables keep what Campus
-- shows and resumes from: a job's type, owner, state, progress, checkpoint, attempts and log.
-- Written through plain JDBC only (JobRepository). Times are epoch milliseconds (UTC).
--
-- state: 'queued', 'running', 'completed', 'failed', 'cancelled'.
-- attempt: the fencing token. Every new attempt (a retry, a resume after a crash) takes the next
--   number in the same update that makes it current, and every write of an attempt is conditional
--   on it, so an attempt cut off from the database can never record anything after a newer one
--   started.
-- parameters: the submitter's input as a JSON object of strings (NewJob's limits keep it short).
-- checkpoint_*: the last step an attempt recorded as finished, the small state to resume from,
--   and the progress reached then; a new attempt starts from there.
CREATE SEQUENCE job_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE job_log_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE job (
    id                 BIGINT         NOT NULL PRIMARY KEY,
    job_type           VARCHAR(64)    NOT NULL,
    owner              VARCHAR(255)   NOT NULL,
    state              VARCHAR(16)    NOT NULL,
    parameters         VARCHAR(16000) NOT NULL,
    progress           INTEGER        NOT NULL,
    steps_total        INTEGER        NOT NULL,
    steps_done         INTEGER        NOT NULL,
    current_step       VARCHAR(255),
    estimated_end      BIGINT,
    attempt            INTEGER        NOT NULL,
    failed_attempts    INTEGER        NOT NULL,
    checkpoint_step    VARCHAR(255),
    checkpoint_state   VARCHAR(32000),
    checkpoint_done    INTEGER        NOT NULL,
    checkpoint_attempt INTEGER,
    checkpoint_time    BIGINT,
    cancel_requested   BOOLEAN        NOT NULL,
    node               VARCHAR(128),
    time_created       BIGINT         NOT NULL,
    time_due           BIGINT         NOT NULL,
    time_started       BIGINT,
    time_ended         BIGINT,
    time_heartbeat     BIGINT,
    reason             VARCHAR(4000)
);

-- lists are newest first (time_created DESC, id DESC); each filter leads an index ending in both
CREATE INDEX ix_job_created ON job (time_created, id);
CREATE INDEX ix_job_type ON job (job_type, time_created, id);
CREATE INDEX ix_job_owner ON job (owner, time_created, id);
-- also the supervisor's look for running jobs that stopped reporting and queued ones left behind
CREATE INDEX ix_job_state ON job (state, time_created, id);

CREATE TABLE job_log (
    id         BIGINT        NOT NULL PRIMARY KEY,
    job_id     BIGINT        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    log_time   BIGINT        NOT NULL,
    log_level  VARCHAR(8)    NOT NULL,
    attempt    INTEGER       NOT NULL,
    message    VARCHAR(4000) NOT NULL
);

-- a job's log, oldest first
CREATE INDEX ix_job_log_job ON job_log (job_id, log_time, id);

-- Privacy erasures run as jobs. Every provider ever registered is expected by every erasure until
-- an admin forgets it, so that an absent one holds the erasure instead of being skipped in silence.
CREATE TABLE privacy_provider (
    name             VARCHAR(255)  NOT NULL PRIMARY KEY,
    description      VARCHAR(4000),
    time_first_seen  BIGINT        NOT NULL,
    time_last_seen   BIGINT        NOT NULL
);

-- Each provider's outcome in one erasure job: 'done', 'failed' or 'absent' (with the reason);
-- written with the job's checkpoint, so it is recorded exactly when the step is.
CREATE TABLE privacy_erasure_outcome (
    job_id         BIGINT        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    provider       VARCHAR(255)  NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    deleted        INTEGER       NOT NULL,
    reason         VARCHAR(4000),
    time_recorded  BIGINT        NOT NULL,
    PRIMARY KEY (job_id, provider)
);
