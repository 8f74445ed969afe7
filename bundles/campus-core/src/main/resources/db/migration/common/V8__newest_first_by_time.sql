-- Lists "newest first" order by their time column, then id (ORDER BY time DESC, id DESC) with a
-- cursor holding both: ids come from sequences in blocks per node, so a newer row can have a smaller
-- id. Each such list gets an index of its filter columns, then (time DESC, id DESC), from which a
-- page is read in order without a sort (Derby scans an index in its own order only). The lists of a
-- share's user and course have theirs since V7.

-- shares: by status, and across all (admins)
DROP INDEX ix_share_status;
CREATE INDEX ix_share_status ON share_progress (status, time_created DESC, id DESC);
DROP INDEX ix_share_created;
CREATE INDEX ix_share_created ON share_progress (time_created DESC, id DESC);

-- the audit trail, by actor, by action, and across all (a time range too)
DROP INDEX ix_audit_actor;
CREATE INDEX ix_audit_actor ON audit_entry (actor, event_time DESC, id DESC);
DROP INDEX ix_audit_action;
CREATE INDEX ix_audit_action ON audit_entry (action, event_time DESC, id DESC);
DROP INDEX ix_audit_time;
CREATE INDEX ix_audit_time ON audit_entry (event_time DESC, id DESC);

-- workflows
CREATE INDEX ix_workflow_created ON workflow (time_created DESC, id DESC);

-- API keys (one list, not paged)
DROP INDEX ix_api_key_created;
CREATE INDEX ix_api_key_created ON api_key (time_created DESC, id DESC);

-- workflow mails given up
CREATE INDEX ix_wf_mail_failed ON workflow_mail (status, time_created DESC, id DESC);
