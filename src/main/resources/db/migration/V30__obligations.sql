-- Rules engine: assessments of an incident against the notification regimes, the obligations they
-- found, each obligation's history, and the deadline alerts sent for it (docs/rules.md).

-- One row per assessment run: what the officer judged, what the regimes concluded. Never updated.
CREATE TABLE rule_assessment (
    id            uuid         PRIMARY KEY,
    incident_id   uuid         NOT NULL REFERENCES incident (id),
    run_no        integer      NOT NULL,
    assessed_at   timestamptz  NOT NULL,
    assessed_by   varchar(200) NOT NULL,
    -- The officer's judgement (risk level, determination times, safe-harbour facts) as JSON.
    judgement     text         NOT NULL,
    -- Counts per jurisdiction the evaluation used (no personal data) as JSON.
    facts         text         NOT NULL,
    -- Every regime's outcome and explanation as JSON.
    outcome       text         NOT NULL,
    -- Substitute-notice terms of the regimes that apply, as JSON.
    substitutes   text         NOT NULL,
    created_count   integer    NOT NULL,
    updated_count   integer    NOT NULL,
    unchanged_count integer    NOT NULL,
    withdrawn_count integer    NOT NULL,
    CONSTRAINT rule_assessment_run_uk UNIQUE (incident_id, run_no)
);

-- One row per obligation of an incident; a re-assessment updates the row with the same key.
CREATE TABLE obligation (
    id                   uuid          PRIMARY KEY,
    incident_id          uuid          NOT NULL REFERENCES incident (id),
    -- regime | kind | recipient | phase | jurisdiction: what makes an obligation the same one.
    obligation_key       varchar(400)  NOT NULL,
    kind                 varchar(20)   NOT NULL,
    regime_id            varchar(100)  NOT NULL,
    jurisdiction         varchar(6)    NOT NULL,
    recipient            varchar(60)   NOT NULL,
    phase                varchar(20)   NOT NULL,
    due_at               timestamptz,
    due_basis            text          NOT NULL,
    -- OPEN, FULFILLED or WAIVED; LATE is an OPEN obligation past its due time, derived on reading.
    status               varchar(10)   NOT NULL,
    reason               text          NOT NULL,
    -- JSON array of citations.
    citations            text          NOT NULL,
    confidence           varchar(12)   NOT NULL,
    subjects_covered     bigint        NOT NULL,
    late_reason_required boolean       NOT NULL,
    -- JSON: covered countries/regions, channels, content, routing, remediation offers.
    terms                text          NOT NULL,
    first_assessment_id  uuid          NOT NULL REFERENCES rule_assessment (id),
    last_assessment_id   uuid          NOT NULL REFERENCES rule_assessment (id),
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    fulfilled_at         timestamptz,
    fulfilment_reference varchar(200),
    evidence_file_name   varchar(200),
    evidence_content_type varchar(100),
    evidence_file        bytea,
    late_reason          text,
    waived_reason        text,
    settled_by           varchar(200),
    settled_at           timestamptz,
    version              bigint        NOT NULL DEFAULT 0,
    CONSTRAINT obligation_key_uk UNIQUE (incident_id, obligation_key),
    CONSTRAINT obligation_kind_ck CHECK (kind IN ('AUTHORITY_NOTICE', 'INDIVIDUAL_NOTICE', 'SUBSTITUTE_NOTICE',
        'MEDIA_NOTICE', 'CRA_NOTICE', 'AG_NOTICE')),
    CONSTRAINT obligation_status_ck CHECK (status IN ('OPEN', 'FULFILLED', 'WAIVED')),
    CONSTRAINT obligation_confidence_ck CHECK (confidence IN ('primary', 'secondary', 'unconfirmed')),
    CONSTRAINT obligation_fulfilled_ck CHECK (status <> 'FULFILLED' OR fulfilled_at IS NOT NULL),
    CONSTRAINT obligation_waived_ck CHECK (status <> 'WAIVED' OR waived_reason IS NOT NULL)
);
CREATE INDEX obligation_open_due_ix ON obligation (due_at) WHERE status = 'OPEN';

-- What happened to each obligation: created, updated (with the previous values), fulfilled,
-- waived, withdrawn by a re-assessment, alerted.
CREATE TABLE obligation_event (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    obligation_id uuid         NOT NULL REFERENCES obligation (id),
    incident_id   uuid         NOT NULL REFERENCES incident (id),
    assessment_id uuid         REFERENCES rule_assessment (id),
    at            timestamptz  NOT NULL,
    actor         varchar(200) NOT NULL,
    action        varchar(20)  NOT NULL,
    -- JSON: what changed, from what to what.
    detail        text         NOT NULL
);
CREATE INDEX obligation_event_obligation_ix ON obligation_event (obligation_id, id);

-- Deadline alerts: one per obligation, lead time and due time, so each fires once; a new due
-- time (after a re-assessment) fires again.
CREATE TABLE obligation_alert (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    obligation_id uuid         NOT NULL REFERENCES obligation (id),
    incident_id   uuid         NOT NULL REFERENCES incident (id),
    -- An ISO-8601 lead time such as PT24H, or OVERDUE.
    lead          varchar(20)  NOT NULL,
    due_at        timestamptz  NOT NULL,
    alerted_at    timestamptz  NOT NULL,
    -- Who the alert is for (the incident's team) and what it says; never personal data of subjects.
    recipients    varchar(400) NOT NULL,
    message       text         NOT NULL,
    CONSTRAINT obligation_alert_uk UNIQUE (obligation_id, lead, due_at)
);
CREATE INDEX obligation_alert_incident_ix ON obligation_alert (incident_id, alerted_at DESC);
