-- Security: the API keys of LMS clients and the audit trail of changes.
-- Times are epoch milliseconds (UTC).

-- A key is never stored: only a salted PBKDF2 hash of it. Generated keys carry their id in their
-- public prefix (campus_<id>_...), so that a presented key is checked against one row; keys
-- registered as given (key_prefix NULL) are few and checked one by one.
CREATE TABLE api_key (
    id             VARCHAR(32)   NOT NULL PRIMARY KEY,
    name           VARCHAR(100)  NOT NULL,
    key_prefix     VARCHAR(64),
    key_hash       VARCHAR(255)  NOT NULL,
    scopes         VARCHAR(2000) NOT NULL,
    time_created   BIGINT        NOT NULL,
    time_rotated   BIGINT,
    time_revoked   BIGINT,
    version        BIGINT        NOT NULL
);

CREATE INDEX ix_api_key_prefix ON api_key (key_prefix);
CREATE INDEX ix_api_key_created ON api_key (time_created);

-- ids in blocks of 50 (see V1), so that the audit writer's batches are single JDBC batches
CREATE SEQUENCE audit_entry_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
    id             BIGINT        NOT NULL PRIMARY KEY,
    event_time     BIGINT        NOT NULL,
    actor          VARCHAR(255)  NOT NULL,
    actor_kind     VARCHAR(16)   NOT NULL,
    action         VARCHAR(255)  NOT NULL,
    target         VARCHAR(1024),
    remote_address VARCHAR(255),
    detail         VARCHAR(4000)
);

-- the list is newest first (id descending); each selective filter has an index that leads with it
-- (actor kind has three values: an index would cost every insert and help no query)
CREATE INDEX ix_audit_actor ON audit_entry (actor, id);
CREATE INDEX ix_audit_action ON audit_entry (action, id);
CREATE INDEX ix_audit_time ON audit_entry (event_time);
