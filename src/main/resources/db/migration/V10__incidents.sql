-- Incidents: the record every legal clock starts from, its content per locale, exposure and notes.

-- One row per year; the next reference number is taken with an upsert that locks the year's row,
-- so concurrent creations never share a number and a rolled-back creation leaves no gap.
CREATE TABLE incident_reference_counter (
    year        integer PRIMARY KEY,
    last_number integer NOT NULL
);

CREATE FUNCTION next_incident_number(for_year integer) RETURNS integer LANGUAGE sql AS $$
    INSERT INTO incident_reference_counter (year, last_number) VALUES (for_year, 1)
    ON CONFLICT (year) DO UPDATE SET last_number = incident_reference_counter.last_number + 1
    RETURNING last_number;
$$;

CREATE TABLE incident (
    id                       uuid         PRIMARY KEY,
    reference                varchar(20)  NOT NULL,
    title                    varchar(300) NOT NULL,
    severity                 varchar(16)  NOT NULL,
    status                   varchar(16)  NOT NULL,
    cause_family             varchar(16),
    discovery_method         varchar(16),
    discovery_notes          text,
    -- Imprecise times are stored as the first instant of their day, month or year (UTC) and the precision.
    occurred_from            timestamptz,
    occurred_from_precision  varchar(8),
    occurred_to              timestamptz,
    occurred_to_precision    varchar(8),
    detected_at              timestamptz,
    aware_at                 timestamptz,
    contained_at             timestamptz,
    encryption               varchar(32),
    exfiltration             varchar(16),
    estimated_subjects       bigint,
    estimated_records        bigint,
    -- Organisation profile overrides; NULL means "as configured for the organisation".
    org_role                 varchar(16),
    org_countries            varchar(400),
    org_hipaa_covered_entity boolean,
    org_listed_company       boolean,
    org_critical_infrastructure boolean,
    org_dfs_regulated        boolean,
    created_at               timestamptz  NOT NULL,
    created_by               varchar(200) NOT NULL,
    updated_at               timestamptz  NOT NULL,
    status_changed_at        timestamptz  NOT NULL,
    version                  bigint       NOT NULL DEFAULT 0,
    CONSTRAINT incident_reference_uk UNIQUE (reference),
    CONSTRAINT incident_reference_ck CHECK (reference ~ '^INC-[0-9]{4}-[0-9]{4,}$'),
    CONSTRAINT incident_severity_ck CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT incident_status_ck CHECK (status IN ('DRAFT', 'ASSESSING', 'NOTIFYING', 'MONITORING', 'CLOSED')),
    CONSTRAINT incident_precision_ck CHECK (
        (occurred_from IS NULL) = (occurred_from_precision IS NULL)
        AND (occurred_to IS NULL) = (occurred_to_precision IS NULL)),
    CONSTRAINT incident_estimates_ck CHECK (estimated_subjects >= 0 AND estimated_records >= 0)
);
CREATE INDEX incident_status_ix ON incident (status, created_at DESC);
CREATE INDEX incident_created_ix ON incident (created_at DESC);

CREATE TABLE incident_breach_type (
    incident_id uuid        NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    breach_type varchar(16) NOT NULL,
    PRIMARY KEY (incident_id, breach_type)
);

-- Systems by name: subject holdings refer to the same names to compute an incident's scope.
CREATE TABLE incident_system (
    incident_id uuid         NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    name        varchar(200) NOT NULL,
    PRIMARY KEY (incident_id, name)
);

CREATE TABLE incident_data_category (
    incident_id uuid        NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    category    varchar(32) NOT NULL,
    PRIMARY KEY (incident_id, category)
);

-- The six content elements every notice carries, one row per locale (BCP 47 tag).
CREATE TABLE incident_content (
    incident_id            uuid          NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    locale                 varchar(35)   NOT NULL,
    basic_situation        text,
    possible_impact        text,
    measures               text,
    self_protection_advice text,
    remedies               text,
    contact_name           varchar(200),
    contact_email          varchar(320),
    contact_phone          varchar(50),
    contact_address        varchar(2000),
    PRIMARY KEY (incident_id, locale)
);

-- What happened when, as analysts write it down; audit entries complete the timeline.
CREATE TABLE incident_note (
    id          uuid         PRIMARY KEY,
    incident_id uuid         NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    text        text         NOT NULL,
    occurred_at timestamptz  NOT NULL,
    actor       varchar(200) NOT NULL,
    recorded_at timestamptz  NOT NULL
);
CREATE INDEX incident_note_incident_ix ON incident_note (incident_id, occurred_at);
