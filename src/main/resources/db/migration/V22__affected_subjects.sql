-- Affected subjects of an incident: the set computed from holdings (scope) or taken from an
-- uploaded forensic list, replaced as a whole on every run.
-- incident_id refers to incident (id); the foreign keys are added by a later migration once the
-- incident table is part of every build.

CREATE TABLE incident_scope (
    incident_id     uuid         PRIMARY KEY,
    method          varchar(10)  NOT NULL,
    -- The selectors as given (systems, categories, window, jurisdictions); never personal data.
    selectors       text,
    listed_rows     bigint       NOT NULL DEFAULT 0,
    affected_count  bigint       NOT NULL,
    unmatched_count bigint       NOT NULL DEFAULT 0,
    defined_by      varchar(200) NOT NULL,
    defined_at      timestamptz  NOT NULL,
    CONSTRAINT incident_scope_method_ck CHECK (method IN ('SELECTORS', 'LIST'))
);

CREATE TABLE affected_subject (
    incident_id uuid          NOT NULL,
    subject_id  uuid          NOT NULL REFERENCES data_subject (id),
    -- DataCategory names exposed for this subject, sorted.
    categories  varchar(32)[] NOT NULL,
    PRIMARY KEY (incident_id, subject_id)
);
CREATE INDEX affected_subject_subject_ix ON affected_subject (subject_id);

-- Rows of an uploaded list that matched no subject, or could not be read: reported, never dropped.
CREATE TABLE affected_unmatched_row (
    incident_id   uuid         NOT NULL,
    row_no        bigint       NOT NULL,
    source_system varchar(100),
    external_ref  varchar(200),
    reason        varchar(300) NOT NULL,
    PRIMARY KEY (incident_id, row_no)
);
