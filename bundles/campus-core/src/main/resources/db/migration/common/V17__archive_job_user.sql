-- The LMS user an archive job was made for (docs/ARCHIVES.md, "Archive jobs"): an LMS id as
-- share_progress and workflow_history keep theirs, the string the LMS sent (at most 255 characters)
-- and whether it came as a JSON number (user_numeric, like archive_job.course_numeric). NULL when
-- the job names no user, and after that user's erasure (the job itself is a record and stays).
-- The default only fills the existing rows (none has a user); it is dropped.
ALTER TABLE archive_job ADD COLUMN user_id VARCHAR(255);
ALTER TABLE archive_job ADD COLUMN user_numeric BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE archive_job ALTER COLUMN user_numeric DROP DEFAULT;

-- a user's list, newest first (time, then id: see V8), a user's export and erasure
CREATE INDEX ix_archive_job_user ON archive_job (user_id, time_created, id);
