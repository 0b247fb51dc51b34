-- Regulator reporting: VERIS records taken in by import (kept as received and as upgraded, so a
-- later export loses nothing Herald does not model), filings of regulator reports, and the breach
-- register's record of why an incident was not notified.

CREATE TABLE veris_record (
    incident_id     uuid         PRIMARY KEY REFERENCES incident (id),
    -- The schema_version the record arrived with (e.g. 1.3.6) and the one it was upgraded to.
    source_version  varchar(20)  NOT NULL,
    schema_version  varchar(20)  NOT NULL,
    -- The record exactly as received (JSON), and the upgraded record that validates (JSON).
    original        text         NOT NULL,
    upgraded        text         NOT NULL,
    -- What the upgrade changed or removed, by JSON path (JSON array).
    findings        text         NOT NULL,
    imported_by     varchar(200) NOT NULL,
    imported_at     timestamptz  NOT NULL
);

CREATE TABLE regulator_filing (
    id                  uuid         PRIMARY KEY,
    incident_id         uuid         NOT NULL REFERENCES incident (id),
    -- The obligation the filing settles (from the rules); null when filed without one.
    obligation_id       uuid,
    authority           varchar(40)  NOT NULL,
    phase               varchar(40)  NOT NULL,
    -- 1, 2, ... per incident and authority: a follow-up is the next version.
    version             integer      NOT NULL,
    filed_by            varchar(200) NOT NULL,
    filed_at            timestamptz  NOT NULL,
    authority_reference varchar(200),
    -- The report's fields as filed (JSON object key -> value), so a follow-up can say what changed.
    snapshot            text         NOT NULL,
    CONSTRAINT regulator_filing_version_uq UNIQUE (incident_id, authority, version)
);
CREATE INDEX regulator_filing_obligation_ix ON regulator_filing (obligation_id);

CREATE TABLE breach_register_entry (
    incident_id         uuid          PRIMARY KEY REFERENCES incident (id),
    -- Why the incident was (or parts of it were) not notified: the Art. 33(5) record.
    reason_not_notified varchar(4000) NOT NULL,
    recorded_by         varchar(200)  NOT NULL,
    recorded_at         timestamptz   NOT NULL
);
