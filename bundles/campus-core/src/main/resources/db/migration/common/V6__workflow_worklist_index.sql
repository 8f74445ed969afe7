-- One worklist index instead of four indexes that carried the state. Every action updates the
-- record's state, and Derby rewrites the entry of each index holding the state column: four
-- indexes made an action's update cost about four times the update itself.
--
-- (course_id, workflow_id, state, visibility, activity_id, id) serves every worklist query:
--   - a course's counts by activity: an index-only range, already grouped by activity;
--   - an activity's page and count: an index-only range in id order;
--   - a course's page: the ids of the index-only range, sorted (the rows are read for the page only).
-- Migrations select records by workflow, which the foreign key's own index serves.
DROP INDEX ix_wf_record_state;
DROP INDEX ix_wf_record_course_wl;
DROP INDEX ix_wf_record_course_count;
DROP INDEX ix_wf_record_activity_wl;

CREATE INDEX ix_wf_record_worklist ON workflow_record (course_id, workflow_id, state, visibility, activity_id, id);
