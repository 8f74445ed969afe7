-- PostgreSQL's side, drifting from ../derby/V2__drift.sql in: note's type (VARCHAR, not long
-- text), flag's nullability, a's default, a missing column (only_derby), the foreign key's delete
-- rule, the unique constraint's columns, ix_drift_ab's column order, ix_drift_unique's uniqueness,
-- and the sequence's increment. body (CLOB / TEXT) and ix_drift_same agree.
CREATE SEQUENCE drift_seq AS BIGINT START WITH 50 INCREMENT BY 1;
CREATE TABLE drift_child (
    id          BIGINT        NOT NULL PRIMARY KEY,
    parent_id   BIGINT        NOT NULL REFERENCES drift_parent (id),
    body        TEXT          NOT NULL,
    note        VARCHAR(4000),
    flag        BOOLEAN,
    a           INTEGER       NOT NULL DEFAULT 2,
    b           VARCHAR(20),
    CONSTRAINT uq_drift_child UNIQUE (parent_id, b)
);
CREATE INDEX ix_drift_ab ON drift_child (b, a);
CREATE INDEX ix_drift_unique ON drift_child (b);
CREATE INDEX ix_drift_same ON drift_child (parent_id, id);
