-- Streaming subject imports: progress (persisted with every batch) and every rejected row.

CREATE TABLE subject_import (
    id            uuid         PRIMARY KEY,
    type          varchar(10)  NOT NULL,
    format        varchar(8)   NOT NULL,
    -- Default source system for rows that do not name one.
    source_system varchar(100),
    status        varchar(12)  NOT NULL,
    bytes_total   bigint       NOT NULL DEFAULT 0,
    bytes_read    bigint       NOT NULL DEFAULT 0,
    rows_read     bigint       NOT NULL DEFAULT 0,
    rows_accepted bigint       NOT NULL DEFAULT 0,
    rows_rejected bigint       NOT NULL DEFAULT 0,
    -- Accepted rows that inserted or changed something; 0 when the same file is sent again.
    rows_changed  bigint       NOT NULL DEFAULT 0,
    failure       varchar(500),
    created_by    varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    -- When the counters last moved (for rows/s) and when its replica last said it is alive.
    progress_at   timestamptz  NOT NULL,
    heartbeat_at  timestamptz  NOT NULL,
    CONSTRAINT subject_import_type_ck CHECK (type IN ('SUBJECTS', 'HOLDINGS')),
    CONSTRAINT subject_import_format_ck CHECK (format IN ('CSV', 'NDJSON')),
    CONSTRAINT subject_import_status_ck CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED'))
);
CREATE INDEX subject_import_recent_ix ON subject_import (created_at DESC);
CREATE INDEX subject_import_unfinished_ix ON subject_import (heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE subject_import_error (
    import_id    uuid         NOT NULL REFERENCES subject_import (id) ON DELETE CASCADE,
    row_no       bigint       NOT NULL,
    seq          smallint     NOT NULL,
    field        varchar(100) NOT NULL,
    -- Never the refused value itself: names and contact values are personal data.
    reason       varchar(300) NOT NULL,
    external_ref varchar(200),
    PRIMARY KEY (import_id, row_no, seq)
);
