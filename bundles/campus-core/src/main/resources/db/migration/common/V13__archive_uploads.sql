-- Files uploaded into an archive job before it starts (docs/ARCHIVES.md, "Uploads"), for archivers
-- whose input is 'uploads'. The bytes are in the job's work directory (file_name there: the id); a
-- file arrives in chunks, each appended at the size received so far; complete once the last chunk
-- came, with its SHA-256. name_key is the SHA-256 of the name, so that one name is one row per
-- activity without an index on a 1024-character column.
CREATE SEQUENCE archive_upload_seq AS BIGINT START WITH 50 INCREMENT BY 50;

CREATE TABLE archive_upload (
    id             BIGINT         NOT NULL PRIMARY KEY,
    archive_id     BIGINT         NOT NULL,
    activity_index       INTEGER        NOT NULL,
    name           VARCHAR(1024)  NOT NULL,
    name_key       CHAR(64)       NOT NULL,
    content_type   VARCHAR(255),
    file_size      BIGINT         NOT NULL,
    complete       BOOLEAN        NOT NULL,
    sha256         CHAR(64),
    time_created   BIGINT         NOT NULL,
    FOREIGN KEY (archive_id, activity_index) REFERENCES archive_activity (archive_id, activity_index) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_archive_upload_name ON archive_upload (archive_id, activity_index, name_key);
