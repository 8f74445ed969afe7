-- the same on both databases
CREATE TABLE drift_parent (
    id      BIGINT       NOT NULL PRIMARY KEY,
    name    VARCHAR(100) NOT NULL
);
