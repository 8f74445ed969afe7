-- The PostgreSQL form of derby/V4__workflow_versions.sql (TEXT for CLOB, SET NOT NULL); keep the two alike.
-- Workflow versions, bindings to scopes, record visibility, and the indexes worklists need.

-- A workflow belongs to a family (the id of its first version) and has a version number in it.
ALTER TABLE workflow ADD COLUMN family_id BIGINT;
ALTER TABLE workflow ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE workflow SET family_id = id;
ALTER TABLE workflow ALTER COLUMN family_id SET NOT NULL;
-- one number per version; two revisions racing for it: the second fails
ALTER TABLE workflow ADD CONSTRAINT uq_workflow_family_version UNIQUE (family_id, version);

-- 0 visible, 1 view-only, 2 hidden (a changed activity workflow left the record on its old one)
ALTER TABLE workflow_record ADD COLUMN visibility SMALLINT NOT NULL DEFAULT 0;

-- Worklists (the queries name these indexes for Derby, whose optimizer otherwise prefers the
-- (course_id, id) and (activity_id, id) indexes and filters a whole course):
-- a course's page per (workflow, state) in id order ...
CREATE INDEX ix_wf_record_course_wl ON workflow_record (course_id, workflow_id, state, visibility, id);
-- ... and its counts by activity, from the index alone;
CREATE INDEX ix_wf_record_course_count ON workflow_record (course_id, visibility, workflow_id, state, activity_id);
-- an activity's page and count, every column but id bound by equality.
CREATE INDEX ix_wf_record_activity_wl ON workflow_record (activity_id, course_id, workflow_id, state, visibility, id);

-- Which workflow a scope's records follow: global (no ids), a course, or an activity of a course.
-- Absent ids are '' so that one scope has one row. No personal data.
CREATE SEQUENCE workflow_binding_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE workflow_binding (
    id              BIGINT        NOT NULL PRIMARY KEY,
    scope           VARCHAR(16)   NOT NULL,
    course_id       VARCHAR(255)  NOT NULL,
    activity_id     VARCHAR(255)  NOT NULL,
    id_numeric      SMALLINT      NOT NULL,
    workflow_id     BIGINT        NOT NULL REFERENCES workflow (id),
    time_modified   BIGINT        NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_workflow_binding_scope UNIQUE (scope, course_id, activity_id)
);

-- the bindings of a course (and its activities), and the effective one of an activity
CREATE INDEX ix_wf_binding_course ON workflow_binding (course_id, activity_id);
