-- Affected subjects of an incident: the set computed from holdings (scope) or taken from an
-- uploaded forensic list, replaced as a whole on every run.
-- incident_id refers to incident (id); its foreign key is added by a later migration once the
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

-- subject_id has no foreign key on purpose: the set is always written by one INSERT ... SELECT from
-- data_subject/subject_holding in the same transaction, so it cannot name a missing subject, and a
-- row-level foreign-key check (a key-share lock on every subject) costs two thirds of the time of
-- computing a scope of a million subjects (docs/performance.md). Nothing deletes subjects; whatever
-- comes to delete them must first look here (affected_subject_subject_ix).
CREATE TABLE affected_subject (
    incident_id uuid          NOT NULL,
    subject_id  uuid          NOT NULL,
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
