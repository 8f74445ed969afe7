-- Batches of transfers from a CSV upload (docs/TRANSFER.md, "Batches"): one row per batch, one per
-- data line of its CSV with the row's status and the transfer it started. Written through plain
-- JDBC only (transfer.batch.TransferBatchRepository). Times are epoch milliseconds (UTC). Ids come
-- from transfer_seq (V14), so a batch id is never a transfer's id. Portable SQL (Derby and PostgreSQL).
--
-- transfer_batch.state: 'queued', 'running', 'completed', 'failed', 'cancelled'.
-- transfer_batch.resolution: the one resolution applied to every conflict that offers it, or NULL.
-- transfer_batch_row.status: 'pending', 'previewing', 'needs_resolution', 'blocked', 'empty',
--   'started', 'completed', 'failed', 'cancelled'.
-- transfer_batch_row.id_numeric: bit 1 the source's LMS id is a whole number, bit 2 the target's.
CREATE TABLE transfer_batch (
    id                BIGINT         NOT NULL PRIMARY KEY,
    state             VARCHAR(16)    NOT NULL,
    resolution        VARCHAR(16),
    source_account    VARCHAR(16)    NOT NULL,
    requested_by      VARCHAR(255)   NOT NULL,
    job_id            BIGINT         NOT NULL,
    row_count         INTEGER        NOT NULL,
    time_created      BIGINT         NOT NULL,
    time_started      BIGINT,
    time_ended        BIGINT,
    reason            VARCHAR(4000)
);

-- the list is newest first (time_created DESC, id DESC), read in index order without a sort
CREATE INDEX ix_transfer_batch_created ON transfer_batch (time_created DESC, id DESC);

CREATE TABLE transfer_batch_row (
    batch_id          BIGINT         NOT NULL REFERENCES transfer_batch (id) ON DELETE CASCADE,
    line_no           INTEGER        NOT NULL,
    from_user_id      VARCHAR(255)   NOT NULL,
    from_name         VARCHAR(255)   NOT NULL,
    to_user_id        VARCHAR(255)   NOT NULL,
    to_name           VARCHAR(255)   NOT NULL,
    id_numeric        SMALLINT       NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    transfer_id       BIGINT,
    message           VARCHAR(4000),
    time_modified     BIGINT         NOT NULL,
    PRIMARY KEY (batch_id, line_no)
);

-- the privacy provider finds a user's rows as either account
CREATE INDEX ix_transfer_batch_row_from ON transfer_batch_row (from_user_id);
CREATE INDEX ix_transfer_batch_row_to ON transfer_batch_row (to_user_id);

-- Transfer items (V14) are read per provider in order: a transfer's items as its job hands them to
-- each provider (seq_no ascending), and its undo, latest first (seq_no descending). With an index of
-- (transfer_id, seq_no DESC) only, Derby chose the unique index on (transfer_id, provider, item_id)
-- for these pages, which matches two columns, and sorted every page (the 100,000-item bench's undo:
-- 335 s). These two serve both orders without a sort; the index of V14 they replace served only the
-- undo, which always names its provider.
DROP INDEX ix_transfer_item_desc;
CREATE INDEX ix_transfer_item_provider ON transfer_item (transfer_id, provider, seq_no);
CREATE INDEX ix_transfer_item_provider_desc ON transfer_item (transfer_id, provider, seq_no DESC);
