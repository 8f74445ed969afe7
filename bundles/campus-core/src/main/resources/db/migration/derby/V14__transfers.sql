-- The transfer service (docs/TRANSFER.md): one row per transfer, one per selected item with its
-- outcome and its provider's undo record, and one lock row per user while a transfer or an undo
-- touches that user. Written through plain JDBC only (transfer.TransferRepository). Times are epoch
-- milliseconds (UTC). The same schema is in postgresql/V14 (TEXT there).
--
-- transfer.state: 'queued', 'running', 'completed', 'failed', 'cancelled'.
-- transfer.id_numeric: bit 1 the source's LMS id came as a number, bit 2 the target's.
-- transfer.verification: the verification as JSON (counts per provider and object type, findings).
-- transfer.undo_state: NULL (never undone), 'undone', 'failed' (an undo started and left items).
-- transfer_item.outcome: 'pending', 'transferred', 'skipped', 'failed', 'not_run', 'undone'.
-- transfer_item.item: the item as its provider listed it (JSON: info, parameters, courses, conflict).
-- transfer_item.undo_record: the provider's undo record as JSON; prepared = written ahead, no outcome yet.
CREATE SEQUENCE transfer_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE transfer (
    id                BIGINT         NOT NULL PRIMARY KEY,
    from_user_id      VARCHAR(255)   NOT NULL,
    from_name         VARCHAR(255)   NOT NULL,
    to_user_id        VARCHAR(255)   NOT NULL,
    to_name           VARCHAR(255)   NOT NULL,
    id_numeric        SMALLINT       NOT NULL,
    state             VARCHAR(16)    NOT NULL,
    source_account    VARCHAR(16)    NOT NULL,
    requested_by      VARCHAR(255)   NOT NULL,
    job_id            BIGINT         NOT NULL,
    item_count        INTEGER        NOT NULL,
    time_created      BIGINT         NOT NULL,
    time_started      BIGINT,
    time_ended        BIGINT,
    reason            VARCHAR(4000),
    flagged           BOOLEAN,
    verification      CLOB,
    undo_state        VARCHAR(16),
    undo_by           VARCHAR(255),
    time_undone       BIGINT,
    undo_reason       VARCHAR(4000),
    callback_job_id   BIGINT
);

-- lists are newest first (time_created DESC, id DESC); each filter leads an index ending in both
CREATE INDEX ix_transfer_created ON transfer (time_created, id);
CREATE INDEX ix_transfer_from ON transfer (from_user_id, time_created, id);
CREATE INDEX ix_transfer_to ON transfer (to_user_id, time_created, id);
CREATE INDEX ix_transfer_by ON transfer (requested_by, time_created, id);
CREATE INDEX ix_transfer_state ON transfer (state, time_created, id);

CREATE TABLE transfer_item (
    transfer_id       BIGINT         NOT NULL REFERENCES transfer (id) ON DELETE CASCADE,
    seq_no            INTEGER        NOT NULL,
    provider          VARCHAR(64)    NOT NULL,
    item_id           VARCHAR(200)   NOT NULL,
    item_type         VARCHAR(64)    NOT NULL,
    title             VARCHAR(1000)  NOT NULL,
    item              CLOB           NOT NULL,
    resolution        VARCHAR(16),
    outcome           VARCHAR(16)    NOT NULL,
    message           VARCHAR(4000),
    prepared          BOOLEAN        NOT NULL,
    undo_record       CLOB,
    undo_outcome      VARCHAR(16),
    undo_refusal      VARCHAR(16),
    undo_detail       VARCHAR(4000),
    time_outcome      BIGINT,
    PRIMARY KEY (transfer_id, seq_no)
);

-- an outcome is recorded by provider and item id
CREATE UNIQUE INDEX ux_transfer_item ON transfer_item (transfer_id, provider, item_id);
-- undo pages through a transfer's items latest first: Derby reads an index only in its own order
CREATE INDEX ix_transfer_item_desc ON transfer_item (transfer_id, seq_no DESC);

-- Two transfers (or undos) touching one user never interleave: each holds a row per user.
CREATE TABLE transfer_lock (
    user_id           VARCHAR(255)   NOT NULL PRIMARY KEY,
    transfer_id       BIGINT         NOT NULL,
    time_locked       BIGINT         NOT NULL
);
