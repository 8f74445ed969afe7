-- Archive jobs (docs/ARCHIVES.md, "Archive jobs"): what a course archive job was asked for and what
-- it stored. The work itself runs as a job of the job engine (job_id, type 'archive.course'); these
-- rows keep what only the archive service knows. Written through plain JDBC only
-- (archive.ArchiveRepository). Times are epoch milliseconds (UTC).
--
-- job_id: the engine's job, NULL while the archive job awaits uploads ('open').
-- state: 'open' until started, then 'started'; the engine's job tells the rest.
-- stored_*: set once, in the step that stored the archive (location, size, SHA-256, and the
--   time-stamp's token and chain locations beside it when signed).
CREATE SEQUENCE archive_job_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE archive_job (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    job_id              BIGINT,
    course_id           VARCHAR(255)   NOT NULL,
    course_numeric      BOOLEAN        NOT NULL,
    owner               VARCHAR(255)   NOT NULL,
    state               VARCHAR(16)    NOT NULL,
    sign_archive              BOOLEAN        NOT NULL,
    storage_id          VARCHAR(64)    NOT NULL,
    archive_name        VARCHAR(512)   NOT NULL,
    stored_location     VARCHAR(1024),
    stored_size         BIGINT,
    stored_sha256       CHAR(64),
    token_location      VARCHAR(1024),
    chain_location      VARCHAR(1024),
    timestamp_time      BIGINT,
    timestamp_tsa       VARCHAR(1024),
    time_created        BIGINT         NOT NULL,
    time_stored         BIGINT
);

CREATE INDEX ix_archive_job_job ON archive_job (job_id);
-- lists are newest first (time_created DESC, id DESC); each filter leads an index ending in both
CREATE INDEX ix_archive_job_created ON archive_job (time_created, id);
CREATE INDEX ix_archive_job_course ON archive_job (course_id, time_created, id);
CREATE INDEX ix_archive_job_owner ON archive_job (owner, time_created, id);

-- The activities of a job in archive order (activity_index from 0). The inline data is kept in the job's
-- work directory (inline_data tells whether there is one). state: 'pending', 'archived', 'failed';
-- written with the job's checkpoint, so an activity is recorded archived exactly when its step is.
CREATE TABLE archive_activity (
    archive_id      BIGINT         NOT NULL REFERENCES archive_job (id) ON DELETE CASCADE,
    activity_index        INTEGER        NOT NULL,
    activity_type   VARCHAR(64)    NOT NULL,
    activity_id     VARCHAR(255)   NOT NULL,
    inline_data     BOOLEAN        NOT NULL,
    state           VARCHAR(16)    NOT NULL,
    archiver        VARCHAR(64),
    archiver_bundle VARCHAR(255),
    archiver_version VARCHAR(64),
    entries         INTEGER        NOT NULL,
    message         VARCHAR(4000),
    PRIMARY KEY (archive_id, activity_index)
);
