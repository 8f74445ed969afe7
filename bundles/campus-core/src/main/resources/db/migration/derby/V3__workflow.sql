-- Workflows and the LMS records that move through them.
-- A stored workflow never changes (a changed definition is stored as a new workflow): the definition
-- is kept as its DCWorkflow XML export (which round-trips the Campus model exactly, Campus-only parts
-- in the urn:org.campus:workflow namespace) and parsed again on read, cached by id.
-- LMS ids are strings (at most 255 characters); id_numeric says which of them the LMS sent as JSON
-- numbers (bit 1 lms_record_id, 2 course_id, 4 activity_id, 8 author_id), to give them back alike.
CREATE SEQUENCE workflow_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE workflow_record_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE workflow_history_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE workflow (
    id              BIGINT        NOT NULL PRIMARY KEY,
    workflow_key    VARCHAR(255),
    title           VARCHAR(255),
    definition_xml  CLOB          NOT NULL,
    warnings        CLOB,
    time_created    BIGINT        NOT NULL
);

CREATE TABLE workflow_record (
    id              BIGINT        NOT NULL PRIMARY KEY,
    workflow_id     BIGINT        NOT NULL REFERENCES workflow (id),
    lms_record_id   VARCHAR(255)  NOT NULL,
    course_id       VARCHAR(255)  NOT NULL,
    activity_id     VARCHAR(255)  NOT NULL,
    author_id       VARCHAR(255)  NOT NULL,
    id_numeric      SMALLINT      NOT NULL,
    state           VARCHAR(100)  NOT NULL,
    time_created    BIGINT        NOT NULL,
    time_modified   BIGINT        NOT NULL,
    version         BIGINT        NOT NULL
);

-- worklists: a workflow's records in a state; a course's and an activity's records; an author's (privacy)
CREATE INDEX ix_wf_record_state ON workflow_record (workflow_id, state, id);
CREATE INDEX ix_wf_record_course ON workflow_record (course_id, id);
CREATE INDEX ix_wf_record_activity ON workflow_record (activity_id, id);
CREATE INDEX ix_wf_record_author ON workflow_record (author_id);

CREATE TABLE workflow_history (
    id              BIGINT        NOT NULL PRIMARY KEY,
    record_id       BIGINT        NOT NULL REFERENCES workflow_record (id) ON DELETE CASCADE,
    action          VARCHAR(100),
    actor           VARCHAR(255), -- NULL once the actor's data was erased
    actor_numeric   SMALLINT      NOT NULL,
    from_state      VARCHAR(100),
    to_state        VARCHAR(100)  NOT NULL,
    event_time      BIGINT        NOT NULL,
    comment_text    VARCHAR(4000)
);

CREATE INDEX ix_wf_history_record ON workflow_history (record_id, id);
CREATE INDEX ix_wf_history_actor ON workflow_history (actor);
