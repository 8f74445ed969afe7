-- Derby's side; see ../postgresql/V2__drift.sql for what differs
CREATE SEQUENCE drift_seq AS BIGINT START WITH 50 INCREMENT BY 50;
CREATE TABLE drift_child (
    id          BIGINT        NOT NULL PRIMARY KEY,
    parent_id   BIGINT        NOT NULL REFERENCES drift_parent (id) ON DELETE CASCADE,
    body        CLOB          NOT NULL,
    note        CLOB,
    flag        BOOLEAN       NOT NULL,
    a           INTEGER       NOT NULL DEFAULT 1,
    b           VARCHAR(20),
    only_derby  SMALLINT,
    CONSTRAINT uq_drift_child UNIQUE (parent_id, a)
);
CREATE INDEX ix_drift_ab ON drift_child (a, b);
CREATE UNIQUE INDEX ix_drift_unique ON drift_child (b);
CREATE INDEX ix_drift_same ON drift_child (parent_id, id);
