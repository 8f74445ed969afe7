-- Share progress: what a user sent to an external repository and where that send stands.
-- Times are epoch milliseconds (UTC), so that no server time zone can shift them.
-- Ids come from sequences that hand out blocks of 50 (the JPA allocation size): no identity
-- look-up after each insert, inserts can be batched, and no contention on an identity column.
-- A sequence starts at its increment because EclipseLink takes each value as the end of a block.
CREATE SEQUENCE share_progress_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE share_progress_event_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE share_progress (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    course_id           BIGINT        NOT NULL,
    user_id             BIGINT        NOT NULL,
    share_type          VARCHAR(16)   NOT NULL,
    cm_id               BIGINT,
    status              VARCHAR(16)   NOT NULL,
    resource_url        VARCHAR(2048),
    error_message       VARCHAR(4000),
    time_created        BIGINT        NOT NULL,
    time_modified       BIGINT        NOT NULL,
    source_deleted      SMALLINT      NOT NULL, -- 0 or 1: EclipseLink maps Java booleans to 0/1 on Derby
    time_source_deleted BIGINT,
    version             BIGINT        NOT NULL
);

CREATE INDEX ix_share_user ON share_progress (user_id, id);
CREATE INDEX ix_share_course ON share_progress (course_id, cm_id, id);
CREATE INDEX ix_share_status ON share_progress (status, id);
CREATE INDEX ix_share_created ON share_progress (time_created);

CREATE TABLE share_progress_event (
    id            BIGINT        NOT NULL PRIMARY KEY,
    share_id      BIGINT        NOT NULL REFERENCES share_progress (id) ON DELETE CASCADE,
    status        VARCHAR(16)   NOT NULL,
    event_time    BIGINT        NOT NULL,
    resource_url  VARCHAR(2048),
    message       VARCHAR(4000)
);

CREATE INDEX ix_share_event_share ON share_progress_event (share_id, id);
