-- The outbox of workflow notification mails: one row per message and recipient, written in the
-- transaction of the action that caused it (so it exists exactly when the action committed), sent
-- afterwards by WorkflowMailSender with retries. A failed mail never undoes its action; its error
-- and attempts stay here.
-- recipient_kind: 'author', 'role' (recipient_role holds the role) or 'address' (a fixed address).
-- recipient is NULL while the address has yet to be asked from the LMS through the callback.
-- status: 'pending', 'sent', 'failed' (given up after maxAttempts), 'skipped' (the LMS named nobody).
CREATE SEQUENCE workflow_mail_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE workflow_mail (
    id              BIGINT         NOT NULL PRIMARY KEY,
    record_id       BIGINT         NOT NULL REFERENCES workflow_record (id) ON DELETE CASCADE,
    history_id      BIGINT         NOT NULL,
    recipient_kind  VARCHAR(10)    NOT NULL,
    recipient_role  VARCHAR(255),
    recipient       VARCHAR(320),
    subject         VARCHAR(1000)  NOT NULL,
    body            CLOB           NOT NULL,
    status          VARCHAR(10)    NOT NULL,
    attempts        INTEGER        NOT NULL,
    next_attempt    BIGINT         NOT NULL,
    last_error      VARCHAR(1000),
    time_created    BIGINT         NOT NULL,
    time_sent       BIGINT
);

-- the sender's poll: due pending mails, oldest due first
CREATE INDEX ix_wf_mail_due ON workflow_mail (status, next_attempt);
-- a record's mails
CREATE INDEX ix_wf_mail_record ON workflow_mail (record_id, id);
