-- Campus data at schema version 6 (migrations V1-V6), for UpgradeIT.
--
-- Made by Campus itself at that version (commit 2323fea, the state issue 10 starts from): the
-- distribution was started on a new Derby database with CAMPUS_ADMIN_PASSWORD=upgrade-admin-pw-77 and
-- CAMPUS_LMS_API_KEY=upgrade-lms-key-0123456789abcdef, and filled through the HTTP API: two API keys
-- created (reporting: campus_mg3lc6mwh4jy_Ukk9u_YujfTS1Q0I_GLO-wPktnA1o-0OtCqOEUT7Otw; old-lms:
-- campus_4ed0n4yz3uji_zeEzidzRRTWBikTxjvToJnZeNZihgVCWmC4JXPerqMw, then revoked), three shares
-- (sent, error, source deleted), the document_publishing template, a workflow with a notification,
-- an imported DCWorkflow (with warnings), a second version of the template, three bindings (global,
-- course, activity), four records with actions (mail queued, SMTP unreachable), the erasure of user
-- 299 (a history entry without actor). Then every table was dumped as INSERT statements, in an order
-- that foreign keys accept. The secrets above are test data of this fixture only.
--
-- Portable SQL: it loads into Derby and PostgreSQL alike at version 6. UpgradeIT then moves each
-- sequence past the ids used here, as the allocations of the running Campus had.
-- workflow
INSERT INTO workflow (id, workflow_key, title, definition_xml, warnings, time_created, family_id, version) VALUES (1, 'document_publishing', 'Document publishing with review process', '<?xml version="1.0" encoding="UTF-8"?>
<dc-workflow xmlns:campus="urn:org.campus:workflow" title="Document publishing with review process" description="The author drafts in Visible or Private, asks for publishing, and a reviewer publishes." state_variable="review_state" initial_state="visible">
  <permission>View</permission>
  <permission>Modify portal content</permission>
  <permission>Delete objects</permission>
  <campus:permission-implications>
    <campus:implies permission="delete" implied="view"/>
    <campus:implies permission="edit" implied="view"/>
  </campus:permission-implications>
  <state state_id="visible" title="Visible">
    <description>Editable by author, visible to reviewer</description>
    <exit-transition transition_id="submit"/>
    <exit-transition transition_id="hide"/>
    <permission-map name="View" acquired="False">
      <permission-role>teacher</permission-role>
      <permission-role>editingteacher</permission-role>
      <permission-role>manager</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False">
      <permission-role>Owner</permission-role>
    </permission-map>
    <permission-map name="Delete objects" acquired="False">
      <permission-role>Owner</permission-role>
      <permission-role>manager</permission-role>
    </permission-map>
  </state>
  <state state_id="pending" title="Pending">
    <description>Author requested publishing, non-editable by author</description>
    <exit-transition transition_id="hide"/>
    <exit-transition transition_id="publish"/>
    <exit-transition transition_id="retract"/>
    <permission-map name="View" acquired="False">
      <permission-role>Owner</permission-role>
      <permission-role>teacher</permission-role>
      <permission-role>editingteacher</permission-role>
      <permission-role>manager</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False"/>
    <permission-map name="Delete objects" acquired="False">
      <permission-role>manager</permission-role>
    </permission-map>
  </state>
  <state state_id="private" title="Private">
    <description>Only editable by author</description>
    <exit-transition transition_id="show"/>
    <permission-map name="View" acquired="False"/>
    <permission-map name="Modify portal content" acquired="False">
      <permission-role>Owner</permission-role>
    </permission-map>
    <permission-map name="Delete objects" acquired="False">
      <permission-role>Owner</permission-role>
    </permission-map>
  </state>
  <state state_id="published" title="Published">
    <description>Visible to everybody, non-editable</description>
    <exit-transition transition_id="retract_published"/>
    <permission-map name="View" acquired="False">
      <permission-role>Owner</permission-role>
      <permission-role>guest</permission-role>
      <permission-role>student</permission-role>
      <permission-role>teacher</permission-role>
      <permission-role>editingteacher</permission-role>
      <permission-role>manager</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False"/>
    <permission-map name="Delete objects" acquired="False">
      <permission-role>manager</permission-role>
    </permission-map>
  </state>
  <transition transition_id="submit" title="Submit" new_state="pending" trigger="USER" before_script="" after_script="">
    <description>Author requests publishing</description>
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
  </transition>
  <transition transition_id="hide" title="Hide" new_state="private" trigger="USER" before_script="" after_script="">
    <description>Author makes content private</description>
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
  </transition>
  <transition transition_id="publish" title="Publish" new_state="published" trigger="USER" before_script="" after_script="">
    <description>Reviewer publishes content</description>
    <guard>
      <guard-role>teacher</guard-role>
      <guard-role>editingteacher</guard-role>
      <guard-role>manager</guard-role>
    </guard>
  </transition>
  <transition transition_id="retract" title="Retract" new_state="visible" trigger="USER" before_script="" after_script="">
    <description>Author retracts submission</description>
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
  </transition>
  <transition transition_id="retract_published" title="Retract" new_state="visible" trigger="USER" before_script="" after_script="">
    <description>Reviewer retracts submission</description>
    <guard>
      <guard-role>teacher</guard-role>
      <guard-role>editingteacher</guard-role>
      <guard-role>manager</guard-role>
    </guard>
  </transition>
  <transition transition_id="show" title="Show" new_state="visible" trigger="USER" before_script="" after_script="">
    <description>Author makes content visible</description>
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
  </transition>
</dc-workflow>
', NULL, 1796216126314, 1, 1);
INSERT INTO workflow (id, workflow_key, title, definition_xml, warnings, time_created, family_id, version) VALUES (2, NULL, 'Review with mail', '<?xml version="1.0" encoding="UTF-8"?>
<dc-workflow xmlns:campus="urn:org.campus:workflow" title="Review with mail" state_variable="review_state" initial_state="draft">
  <permission>View</permission>
  <permission>Modify portal content</permission>
  <campus:permission-implications>
    <campus:implies permission="delete" implied="view"/>
    <campus:implies permission="edit" implied="view"/>
  </campus:permission-implications>
  <state state_id="draft" title="Draft">
    <exit-transition transition_id="submit"/>
    <permission-map name="View" acquired="False">
      <permission-role>Owner</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False">
      <permission-role>Owner</permission-role>
    </permission-map>
  </state>
  <state state_id="review" title="In review">
    <exit-transition transition_id="accept"/>
    <exit-transition transition_id="reopen"/>
    <permission-map name="View" acquired="False">
      <permission-role>Owner</permission-role>
      <permission-role>teacher</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False"/>
  </state>
  <state state_id="done" title="Done">
    <exit-transition transition_id="reopen"/>
    <permission-map name="View" acquired="False">
      <permission-role>Owner</permission-role>
      <permission-role>teacher</permission-role>
      <permission-role>student</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False"/>
  </state>
  <transition transition_id="submit" title="Submit" new_state="review" trigger="USER" before_script="" after_script="">
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
    <campus:notification author="True">
      <campus:address>office@example.org</campus:address>
      <campus:subject>[{workflow.title}] {action.title}: {record.lmsRecordId}</campus:subject>
      <campus:body>{actor} moved {record.lmsRecordId} from {from.title} to {to.title}.
Änderung über Campus.</campus:body>
    </campus:notification>
  </transition>
  <transition transition_id="accept" title="Accept" new_state="done" trigger="USER" before_script="" after_script="">
    <guard>
      <guard-role>teacher</guard-role>
    </guard>
  </transition>
  <transition transition_id="reopen" title="Reopen" new_state="draft" trigger="USER" before_script="" after_script="">
    <guard>
      <guard-role>teacher</guard-role>
    </guard>
  </transition>
</dc-workflow>
', NULL, 1796216130366, 2, 1);
INSERT INTO workflow (id, workflow_key, title, definition_xml, warnings, time_created, family_id, version) VALUES (3, 'folder_workflow', 'Community Workflow for Folders', '<?xml version="1.0" encoding="UTF-8"?>
<dc-workflow xmlns:campus="urn:org.campus:workflow" workflow_id="folder_workflow" title="Community Workflow for Folders" description="- Used in conjunction with the Community workflow. - Has no pending state. - Allows owner to publish the folder without approval." state_variable="review_state" initial_state="visible">
  <permission>Access contents information</permission>
  <permission>Modify portal content</permission>
  <permission>View</permission>
  <campus:permission-implications>
    <campus:implies permission="delete" implied="view"/>
    <campus:implies permission="edit" implied="view"/>
  </campus:permission-implications>
  <state state_id="private" title="Private">
    <description>Can only be seen and edited by the owner.</description>
    <exit-transition transition_id="publish"/>
    <exit-transition transition_id="show"/>
    <permission-map name="Access contents information" acquired="False">
      <permission-role>Manager</permission-role>
      <permission-role>Owner</permission-role>
      <permission-role>Editor</permission-role>
      <permission-role>Reader</permission-role>
      <permission-role>Contributor</permission-role>
      <permission-role>Site Administrator</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False">
      <permission-role>Manager</permission-role>
      <permission-role>Owner</permission-role>
      <permission-role>Editor</permission-role>
      <permission-role>Site Administrator</permission-role>
    </permission-map>
    <permission-map name="View" acquired="False">
      <permission-role>Manager</permission-role>
      <permission-role>Owner</permission-role>
      <permission-role>Editor</permission-role>
      <permission-role>Reader</permission-role>
      <permission-role>Contributor</permission-role>
      <permission-role>Site Administrator</permission-role>
    </permission-map>
  </state>
  <state state_id="published" title="Published">
    <description>Visible to everyone, not editable by the owner.</description>
    <exit-transition transition_id="hide"/>
    <exit-transition transition_id="retract"/>
    <permission-map name="Access contents information" acquired="False">
      <permission-role>Anonymous</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False">
      <permission-role>Manager</permission-role>
      <permission-role>Owner</permission-role>
      <permission-role>Editor</permission-role>
      <permission-role>Site Administrator</permission-role>
    </permission-map>
    <permission-map name="View" acquired="False">
      <permission-role>Anonymous</permission-role>
    </permission-map>
  </state>
  <state state_id="visible" title="Public draft">
    <description>Visible to everyone, but not approved by the reviewers.</description>
    <exit-transition transition_id="hide"/>
    <exit-transition transition_id="publish"/>
    <permission-map name="Access contents information" acquired="False">
      <permission-role>Anonymous</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False">
      <permission-role>Manager</permission-role>
      <permission-role>Owner</permission-role>
      <permission-role>Editor</permission-role>
      <permission-role>Site Administrator</permission-role>
    </permission-map>
    <permission-map name="View" acquired="False">
      <permission-role>Anonymous</permission-role>
    </permission-map>
  </state>
  <transition transition_id="hide" title="Make private" new_state="private" trigger="USER" before_script="" after_script="">
    <description>Making an item private means that it will not be visible to anyone but the owner and the site administrator.</description>
    <action category="workflow" url="%(content_url)s/content_status_modify?workflow_action=hide">Make private</action>
    <guard>
      <guard-permission>Modify portal content</guard-permission>
    </guard>
  </transition>
  <transition transition_id="publish" title="Publish" new_state="published" trigger="USER" before_script="" after_script="">
    <description>Publishing the item makes it visible to other users.</description>
    <action category="workflow" url="%(content_url)s/content_status_modify?workflow_action=publish">Publish</action>
    <guard>
      <guard-permission>Modify portal content</guard-permission>
    </guard>
  </transition>
  <transition transition_id="retract" title="Retract" new_state="visible" trigger="USER" before_script="" after_script="">
    <description>If you submitted the item by mistake or want to perform additional edits, this will take it back.</description>
    <action category="workflow" url="%(content_url)s/content_status_modify?workflow_action=retract">Retract</action>
    <guard>
      <guard-permission>Modify portal content</guard-permission>
    </guard>
  </transition>
  <transition transition_id="show" title="Promote to public draft" new_state="visible" trigger="USER" before_script="" after_script="">
    <description>Promotes your folder to public draft state.</description>
    <action category="workflow" url="%(content_url)s/content_status_modify?workflow_action=show">Promote to Draft</action>
    <guard>
      <guard-permission>Modify portal content</guard-permission>
    </guard>
  </transition>
  <variable variable_id="action" for_catalog="False" for_status="True" update_always="True">
    <description>Previous transition</description>
    <default>
      <expression>transition/getId|nothing</expression>
    </default>
    <guard/>
  </variable>
  <variable variable_id="actor" for_catalog="False" for_status="True" update_always="True">
    <description>The ID of the user who performed the last transition</description>
    <default>
      <expression>user/getId</expression>
    </default>
    <guard/>
  </variable>
  <variable variable_id="comments" for_catalog="False" for_status="True" update_always="True">
    <description>Comment about the last transition</description>
    <default>
      <expression>python:state_change.kwargs.get(''comment'', '''')</expression>
    </default>
    <guard/>
  </variable>
  <variable variable_id="review_history" for_catalog="False" for_status="False" update_always="False">
    <description>Provides access to workflow history</description>
    <default>
      <expression>state_change/getHistory</expression>
    </default>
    <guard>
      <guard-permission>Request review</guard-permission>
      <guard-permission>Review portal content</guard-permission>
    </guard>
  </variable>
  <variable variable_id="time" for_catalog="False" for_status="True" update_always="True">
    <description>When the previous transition was performed</description>
    <default>
      <expression>state_change/getDateTime</expression>
    </default>
    <guard/>
  </variable>
</dc-workflow>
', 'variables are kept for export but not computed by Campus: action, actor, comments, review_history, time
role ''Anonymous'' means everybody in Plone but is an ordinary role name in Campus, held by nobody: grant its permissions to Campus roles such as guest or student
i18n markup (translation domains and markers) is ignored: texts are imported untranslated', 1796216130463, 3, 1);
INSERT INTO workflow (id, workflow_key, title, definition_xml, warnings, time_created, family_id, version) VALUES (4, 'document_publishing', 'Document publishing, revised', '<?xml version="1.0" encoding="UTF-8"?>
<dc-workflow xmlns:campus="urn:org.campus:workflow" title="Document publishing, revised" description="The author drafts in Visible or Private, asks for publishing, and a reviewer publishes." state_variable="review_state" initial_state="visible">
  <permission>View</permission>
  <permission>Modify portal content</permission>
  <permission>Delete objects</permission>
  <campus:permission-implications>
    <campus:implies permission="delete" implied="view"/>
    <campus:implies permission="edit" implied="view"/>
  </campus:permission-implications>
  <state state_id="visible" title="Visible">
    <description>Editable by author, visible to reviewer</description>
    <exit-transition transition_id="submit"/>
    <exit-transition transition_id="hide"/>
    <permission-map name="View" acquired="False">
      <permission-role>teacher</permission-role>
      <permission-role>editingteacher</permission-role>
      <permission-role>manager</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False">
      <permission-role>Owner</permission-role>
    </permission-map>
    <permission-map name="Delete objects" acquired="False">
      <permission-role>manager</permission-role>
      <permission-role>Owner</permission-role>
    </permission-map>
  </state>
  <state state_id="pending" title="Pending">
    <description>Author requested publishing, non-editable by author</description>
    <exit-transition transition_id="hide"/>
    <exit-transition transition_id="publish"/>
    <exit-transition transition_id="retract"/>
    <permission-map name="View" acquired="False">
      <permission-role>Owner</permission-role>
      <permission-role>teacher</permission-role>
      <permission-role>editingteacher</permission-role>
      <permission-role>manager</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False"/>
    <permission-map name="Delete objects" acquired="False">
      <permission-role>manager</permission-role>
    </permission-map>
  </state>
  <state state_id="private" title="Private">
    <description>Only editable by author</description>
    <exit-transition transition_id="show"/>
    <permission-map name="View" acquired="False"/>
    <permission-map name="Modify portal content" acquired="False">
      <permission-role>Owner</permission-role>
    </permission-map>
    <permission-map name="Delete objects" acquired="False">
      <permission-role>Owner</permission-role>
    </permission-map>
  </state>
  <state state_id="published" title="Published">
    <description>Visible to everybody, non-editable</description>
    <exit-transition transition_id="retract_published"/>
    <permission-map name="View" acquired="False">
      <permission-role>Owner</permission-role>
      <permission-role>guest</permission-role>
      <permission-role>student</permission-role>
      <permission-role>teacher</permission-role>
      <permission-role>editingteacher</permission-role>
      <permission-role>manager</permission-role>
    </permission-map>
    <permission-map name="Modify portal content" acquired="False"/>
    <permission-map name="Delete objects" acquired="False">
      <permission-role>manager</permission-role>
    </permission-map>
  </state>
  <transition transition_id="submit" title="Submit" new_state="pending" trigger="USER" before_script="" after_script="">
    <description>Author requests publishing</description>
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
  </transition>
  <transition transition_id="hide" title="Hide" new_state="private" trigger="USER" before_script="" after_script="">
    <description>Author makes content private</description>
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
  </transition>
  <transition transition_id="publish" title="Publish" new_state="published" trigger="USER" before_script="" after_script="">
    <description>Reviewer publishes content</description>
    <guard>
      <guard-role>teacher</guard-role>
      <guard-role>editingteacher</guard-role>
      <guard-role>manager</guard-role>
    </guard>
  </transition>
  <transition transition_id="retract" title="Retract" new_state="visible" trigger="USER" before_script="" after_script="">
    <description>Author retracts submission</description>
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
  </transition>
  <transition transition_id="retract_published" title="Retract" new_state="visible" trigger="USER" before_script="" after_script="">
    <description>Reviewer retracts submission</description>
    <guard>
      <guard-role>teacher</guard-role>
      <guard-role>editingteacher</guard-role>
      <guard-role>manager</guard-role>
    </guard>
  </transition>
  <transition transition_id="show" title="Show" new_state="visible" trigger="USER" before_script="" after_script="">
    <description>Author makes content visible</description>
    <guard>
      <guard-role>Owner</guard-role>
    </guard>
  </transition>
</dc-workflow>
', NULL, 1796216133901, 1, 2);
-- workflow_record
INSERT INTO workflow_record (id, workflow_id, lms_record_id, course_id, activity_id, author_id, id_numeric, state, time_created, time_modified, version, visibility) VALUES (1, 2, 'page-1', '101', '301', '201', 14, 'done', 1796216138228, 1796216138568, 3, 0);
INSERT INTO workflow_record (id, workflow_id, lms_record_id, course_id, activity_id, author_id, id_numeric, state, time_created, time_modified, version, visibility) VALUES (2, 2, '5001', '101', '301', 'u-202', 7, 'review', 1796216138303, 1796216138650, 2, 0);
INSERT INTO workflow_record (id, workflow_id, lms_record_id, course_id, activity_id, author_id, id_numeric, state, time_created, time_modified, version, visibility) VALUES (3, 1, 'doc-9', 'c-103', 'a-1', '203', 8, 'published', 1796216138348, 1796216138763, 3, 0);
INSERT INTO workflow_record (id, workflow_id, lms_record_id, course_id, activity_id, author_id, id_numeric, state, time_created, time_modified, version, visibility) VALUES (4, 3, 'q-1', 'c-102', 'quiz-7', '204', 8, 'visible', 1796216138397, 1796216138397, 1, 0);
-- workflow_history
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (1, 1, NULL, '201', 1, NULL, 'draft', 1796216138228, NULL);
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (2, 2, NULL, 'u-202', 0, NULL, 'draft', 1796216138303, NULL);
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (3, 3, NULL, '203', 1, NULL, 'visible', 1796216138348, NULL);
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (4, 4, NULL, '204', 1, NULL, 'visible', 1796216138397, NULL);
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (5, 1, 'submit', '201', 1, 'draft', 'review', 1796216138440, 'Please review – thanks!');
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (6, 2, 'submit', 'u-202', 0, 'draft', 'review', 1796216138650, NULL);
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (51, 1, 'accept', '900', 1, 'review', 'done', 1796216138568, 'Looks good');
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (52, 3, 'submit', '203', 1, 'visible', 'pending', 1796216138720, NULL);
INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state, event_time, comment_text) VALUES (53, 3, 'publish', NULL, 0, 'pending', 'published', 1796216138763, 'published by a teacher who leaves');
-- workflow_mail
INSERT INTO workflow_mail (id, record_id, history_id, recipient_kind, recipient_role, recipient, subject, body, status, attempts, next_attempt, last_error, time_created, time_sent) VALUES (1, 1, 5, 'author', NULL, NULL, '[Review with mail] Submit: page-1', '201 moved page-1 from Draft to In review.
Änderung über Campus.', 'pending', 1, 1796216198547, 'the action request carried no address for the author and no callbackUrl is configured (PID campus.workflow.mail)', 1796216138440, NULL);
INSERT INTO workflow_mail (id, record_id, history_id, recipient_kind, recipient_role, recipient, subject, body, status, attempts, next_attempt, last_error, time_created, time_sent) VALUES (2, 1, 5, 'address', NULL, 'office@example.org', '[Review with mail] Submit: page-1', '201 moved page-1 from Draft to In review.
Änderung über Campus.', 'pending', 1, 1796216198678, 'MailConnectException: Couldn''t connect to host, port: localhost, 25; timeout 10000 <- ConnectException: Connection refused', 1796216138440, NULL);
INSERT INTO workflow_mail (id, record_id, history_id, recipient_kind, recipient_role, recipient, subject, body, status, attempts, next_attempt, last_error, time_created, time_sent) VALUES (3, 2, 6, 'author', NULL, NULL, '[Review with mail] Submit: 5001', 'u-202 moved 5001 from Draft to In review.
Änderung über Campus.', 'pending', 1, 1796216198691, 'the action request carried no address for the author and no callbackUrl is configured (PID campus.workflow.mail)', 1796216138650, NULL);
INSERT INTO workflow_mail (id, record_id, history_id, recipient_kind, recipient_role, recipient, subject, body, status, attempts, next_attempt, last_error, time_created, time_sent) VALUES (4, 2, 6, 'address', NULL, 'office@example.org', '[Review with mail] Submit: 5001', 'u-202 moved 5001 from Draft to In review.
Änderung über Campus.', 'pending', 1, 1796216198710, 'MailConnectException: Couldn''t connect to host, port: localhost, 25; timeout 10000 <- ConnectException: Connection refused', 1796216138650, NULL);
-- workflow_binding
INSERT INTO workflow_binding (id, scope, course_id, activity_id, id_numeric, workflow_id, time_modified, version) VALUES (1, 'global', '', '', 0, 4, 1796216137952, 1);
INSERT INTO workflow_binding (id, scope, course_id, activity_id, id_numeric, workflow_id, time_modified, version) VALUES (2, 'course', '101', '', 2, 2, 1796216138064, 1);
INSERT INTO workflow_binding (id, scope, course_id, activity_id, id_numeric, workflow_id, time_modified, version) VALUES (3, 'activity', 'c-102', 'quiz-7', 0, 3, 1796216138156, 1);
-- share_progress
INSERT INTO share_progress (id, course_id, user_id, share_type, cm_id, status, resource_url, error_message, time_created, time_modified, source_deleted, time_source_deleted, version) VALUES (1, 101, 201, 'activity', 301, 'sent', 'https://moodle.net/r/upgrade-1', NULL, 1796216125611, 1796216125858, 0, NULL, 2);
INSERT INTO share_progress (id, course_id, user_id, share_type, cm_id, status, resource_url, error_message, time_created, time_modified, source_deleted, time_source_deleted, version) VALUES (2, 101, 202, 'course', NULL, 'error', NULL, 'MoodleNet said: quota exceeded ("files")', 1796216125740, 1796216126025, 0, NULL, 2);
INSERT INTO share_progress (id, course_id, user_id, share_type, cm_id, status, resource_url, error_message, time_created, time_modified, source_deleted, time_source_deleted, version) VALUES (3, 102, 201, 'activity', 302, 'in_progress', NULL, NULL, 1796216125814, 1796216125814, 1, 1796216126114, 2);
-- share_progress_event
INSERT INTO share_progress_event (id, share_id, status, event_time, resource_url, message) VALUES (1, 1, 'in_progress', 1796216125611, NULL, NULL);
INSERT INTO share_progress_event (id, share_id, status, event_time, resource_url, message) VALUES (2, 2, 'in_progress', 1796216125740, NULL, NULL);
INSERT INTO share_progress_event (id, share_id, status, event_time, resource_url, message) VALUES (3, 3, 'in_progress', 1796216125814, NULL, NULL);
INSERT INTO share_progress_event (id, share_id, status, event_time, resource_url, message) VALUES (51, 1, 'sent', 1796216125858, 'https://moodle.net/r/upgrade-1', NULL);
INSERT INTO share_progress_event (id, share_id, status, event_time, resource_url, message) VALUES (52, 2, 'error', 1796216126025, NULL, 'MoodleNet said: quota exceeded ("files")');
-- api_key
INSERT INTO api_key (id, name, key_prefix, key_hash, scopes, time_created, time_rotated, time_revoked, version) VALUES ('4ed0n4yz3uji', 'old-lms', 'campus_4ed0n4yz3uji', 'pbkdf2-sha256$210000$Fee1o/jXayiW2MkS1rIXqg$MCTtflEFn3lSNcun7bvqsQfkhubQ2mST7PJRbnCRerw', '*', 1796216125559, NULL, 1796216141641, 2);
INSERT INTO api_key (id, name, key_prefix, key_hash, scopes, time_created, time_rotated, time_revoked, version) VALUES ('9tmcvh5svy70', 'lms', NULL, 'pbkdf2-sha256$210000$gT+dr3RamBujtue0vfVYtA$oCQKSrHhPZowjhKfXQY8xfz/0ulhAiM5Z3nn5UaoAj4', '*', 1796216120189, NULL, NULL, 1);
INSERT INTO api_key (id, name, key_prefix, key_hash, scopes, time_created, time_rotated, time_revoked, version) VALUES ('mg3lc6mwh4jy', 'reporting', 'campus_mg3lc6mwh4jy', 'pbkdf2-sha256$210000$EFpiQCqOYLc1MaBqVNpwfg$c5Ni13tRaYSlFBilzB3ZW1S/4ZxlWk2MLH5qUQ3wvb4', 'audit share-progress', 1796216125306, NULL, NULL, 1);
-- audit_entry
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (1, 1796216118560, 'campus', 'system', 'create admin user', 'admin', 'local', 'password given at the first start');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (2, 1796216120231, 'campus', 'system', 'create API key', '/api-keys/9tmcvh5svy70', 'local', 'key given at the first start, scope *');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (3, 1796216125334, 'admin', 'admin', 'POST /api-keys', '/api-keys/mg3lc6mwh4jy', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (4, 1796216125567, 'admin', 'admin', 'POST /api-keys', '/api-keys/4ed0n4yz3uji', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (5, 1796216125663, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /share-progress', '/share-progress/1', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (6, 1796216125746, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /share-progress', '/share-progress/2', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (7, 1796216125818, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /share-progress', '/share-progress/3', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (8, 1796216125949, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /share-progress/{id}/status', '/share-progress/1/status', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (9, 1796216126057, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /share-progress/{id}/status', '/share-progress/2/status', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (10, 1796216126154, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /share-progress/source-deleted', '/share-progress/source-deleted', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (11, 1796216126423, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflows/templates/{key}', '/workflows/1', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (12, 1796216130410, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflows', '/workflows/2', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (13, 1796216130475, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflows/import', '/workflows/3', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (14, 1796216133929, 'lms (key 9tmcvh5svy70)', 'lms', 'PUT /workflows/{id}', '/workflows/4', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (15, 1796216138017, 'lms (key 9tmcvh5svy70)', 'lms', 'PUT /workflow-bindings', '/workflow-bindings', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (16, 1796216138110, 'lms (key 9tmcvh5svy70)', 'lms', 'PUT /workflow-bindings', '/workflow-bindings', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (17, 1796216138175, 'lms (key 9tmcvh5svy70)', 'lms', 'PUT /workflow-bindings', '/workflow-bindings', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (18, 1796216138259, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records', '/workflow-records/1', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (19, 1796216138310, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records', '/workflow-records/2', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (20, 1796216138352, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records', '/workflow-records/3', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (21, 1796216138401, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records', '/workflow-records/4', '127.0.0.1', 'HTTP 201');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (22, 1796216138499, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records/{id}/actions', '/workflow-records/1/actions', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (23, 1796216138598, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records/{id}/actions', '/workflow-records/1/actions', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (24, 1796216138667, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records/{id}/actions', '/workflow-records/2/actions', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (25, 1796216138729, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records/{id}/actions', '/workflow-records/3/actions', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (26, 1796216138773, 'lms (key 9tmcvh5svy70)', 'lms', 'POST /workflow-records/{id}/actions', '/workflow-records/3/actions', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (27, 1796216141607, 'lms (key 9tmcvh5svy70)', 'lms', 'DELETE /privacy/users/{userId}', '/privacy/users/299', '127.0.0.1', 'HTTP 200');
INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target, remote_address, detail) VALUES (28, 1796216141654, 'admin', 'admin', 'DELETE /api-keys/{id}', '/api-keys/4ed0n4yz3uji', '127.0.0.1', 'HTTP 204');
