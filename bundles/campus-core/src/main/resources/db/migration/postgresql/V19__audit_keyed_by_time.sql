-- The audit trail is keyed by the order it is read in: (event_time, id), newest first. Nothing looks an
-- entry up by its id alone (the list and its cursor go by time, then id), so the primary key on id was
-- a fourth index every audited change wrote and no query read. The unique time index takes its place
-- as the table's key: ids come from the sequence and stay unique, and an entry's (time, id) is unique
-- with them. Keep derby/ and postgresql/ alike: they differ only in how the primary key is dropped.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_pkey;
DROP INDEX ix_audit_time;
CREATE UNIQUE INDEX ix_audit_time ON audit_entry (event_time DESC, id DESC);
