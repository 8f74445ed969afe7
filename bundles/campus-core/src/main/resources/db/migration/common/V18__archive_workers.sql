-- The external workers of archive jobs (docs/ARCHIVES.md, "Offloading to a worker"): one row per
-- activity whose archiver asked for a callback token. Written through plain JDBC only
-- (archive.ArchiveWorkers). Times are epoch milliseconds (UTC).
--
-- token_hash: the SHA-256 (hex) of the callback token; the token itself is never stored here (the
--   job's work directory keeps it for the archiver's next call).
-- report*: the worker's last report (its JSON text as sent, at most 16 KiB; state running,
--   completed or failed; progress 0-100), reports: how many arrived.
CREATE TABLE archive_worker (
    archive_id      BIGINT         NOT NULL REFERENCES archive_job (id) ON DELETE CASCADE,
    activity_index  INTEGER        NOT NULL,
    token_hash      CHAR(64)       NOT NULL,
    report          VARCHAR(16384),
    report_state    VARCHAR(16),
    report_progress INTEGER,
    time_report     BIGINT,
    reports         INTEGER        NOT NULL,
    time_created    BIGINT         NOT NULL,
    PRIMARY KEY (archive_id, activity_index)
);

-- a report's token is looked up by its hash when it is not the path's activity's (401 or 403)
CREATE INDEX ix_archive_worker_token ON archive_worker (token_hash);
