-- The PostgreSQL form of derby/V7__booleans_and_share_lms_ids.sql; keep the two alike: they
-- differ only in how a column is renamed.
-- Booleans as BOOLEAN, and the LMS ids of a share as LMS ids.
--
-- Derby cannot change a column's type; this does as it does, so that both schemas end alike: each
-- column is added anew, filled from the old one, which is dropped, and renamed to the old name (the
-- new column comes last on both). The defaults only fill the existing rows; they are dropped.

-- share_progress.source_deleted and workflow_history.actor_numeric: SMALLINT 0/1 -> BOOLEAN
ALTER TABLE share_progress ADD COLUMN source_deleted_new BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE share_progress SET source_deleted_new = TRUE WHERE source_deleted <> 0;
ALTER TABLE share_progress DROP COLUMN source_deleted;
ALTER TABLE share_progress RENAME COLUMN source_deleted_new TO source_deleted;
ALTER TABLE share_progress ALTER COLUMN source_deleted DROP DEFAULT;

ALTER TABLE workflow_history ADD COLUMN actor_numeric_new BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE workflow_history SET actor_numeric_new = TRUE WHERE actor_numeric <> 0;
ALTER TABLE workflow_history DROP COLUMN actor_numeric;
ALTER TABLE workflow_history RENAME COLUMN actor_numeric_new TO actor_numeric;
ALTER TABLE workflow_history ALTER COLUMN actor_numeric DROP DEFAULT;

-- A share's course, user and course module ids are the LMS's: strings of at most 255 characters, or
-- whole numbers, given back as they came. id_numeric says which came as JSON numbers (bit 1
-- course_id, 2 user_id, 4 cm_id), as in workflow_record. Every id stored so far was a number.
DROP INDEX ix_share_user;
DROP INDEX ix_share_course;

ALTER TABLE share_progress ADD COLUMN course_id_new VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE share_progress ADD COLUMN user_id_new VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE share_progress ADD COLUMN cm_id_new VARCHAR(255);
ALTER TABLE share_progress ADD COLUMN id_numeric SMALLINT NOT NULL DEFAULT 0;
-- (as Derby must: it casts a BIGINT to CHAR, not to VARCHAR; a BIGINT has at most 20 characters)
UPDATE share_progress SET course_id_new = TRIM(CAST(course_id AS CHAR(20))),
    user_id_new = TRIM(CAST(user_id AS CHAR(20))),
    cm_id_new = TRIM(CAST(cm_id AS CHAR(20))),
    id_numeric = CASE WHEN cm_id IS NULL THEN 3 ELSE 7 END;
ALTER TABLE share_progress DROP COLUMN course_id;
ALTER TABLE share_progress DROP COLUMN user_id;
ALTER TABLE share_progress DROP COLUMN cm_id;
ALTER TABLE share_progress RENAME COLUMN course_id_new TO course_id;
ALTER TABLE share_progress RENAME COLUMN user_id_new TO user_id;
ALTER TABLE share_progress RENAME COLUMN cm_id_new TO cm_id;
ALTER TABLE share_progress ALTER COLUMN course_id DROP DEFAULT;
ALTER TABLE share_progress ALTER COLUMN user_id DROP DEFAULT;
ALTER TABLE share_progress ALTER COLUMN id_numeric DROP DEFAULT;

-- a teacher's and a course's lists, newest first (time, then id: see V8); a course's also serves
-- marking its deleted activities, and a user's or a course's erasure
CREATE INDEX ix_share_user ON share_progress (user_id, time_created DESC, id DESC);
CREATE INDEX ix_share_course ON share_progress (course_id, time_created DESC, id DESC);
