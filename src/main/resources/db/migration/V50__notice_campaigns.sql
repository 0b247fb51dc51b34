-- Notice campaigns (docs/notices.md): a campaign plans one notice per affected subject, four-eyes
-- approval binds it to a hash of the incident content and the wording templates, and the notices are
-- the outbox the dispatcher works through. No table here holds an address or a text: recipients are
-- read (and decrypted) from the subject registry at send time; what was sent is proven by a SHA-256.

CREATE TABLE notice_campaign (
    id             uuid         PRIMARY KEY,
    incident_id    uuid         NOT NULL REFERENCES incident (id),
    status         varchar(12)  NOT NULL,
    planned_by     varchar(200) NOT NULL,
    planned_at     timestamptz  NOT NULL,
    -- SHA-256 (hex) of the incident content and the templates when planned / when approved.
    planned_hash   varchar(64)  NOT NULL,
    approved_hash  varchar(64),
    approved_by    varchar(200),
    approved_at    timestamptz,
    started_at     timestamptz,
    completed_at   timestamptz,
    status_reason  varchar(300),
    -- JSON: planning warnings and the capacity forecast, as shown before approval.
    warnings       text         NOT NULL DEFAULT '[]',
    forecast       text         NOT NULL DEFAULT '{}',
    notice_count   bigint       NOT NULL DEFAULT 0,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT notice_campaign_status_ck CHECK (status IN ('PLANNED', 'APPROVED', 'RUNNING', 'PAUSED', 'CANCELLED', 'COMPLETED'))
);
CREATE INDEX notice_campaign_incident_ix ON notice_campaign (incident_id);

-- The outbox: one row per subject and campaign, written before anything is sent.
CREATE TABLE notice (
    id               uuid         PRIMARY KEY,
    campaign_id      uuid         NOT NULL REFERENCES notice_campaign (id),
    incident_id      uuid         NOT NULL REFERENCES incident (id),
    subject_id       uuid         NOT NULL,
    -- SUBJECT, GUARDIAN (minor) or NEXT_OF_KIN (deceased): whose contact points are used.
    recipient_role   varchar(12)  NOT NULL,
    kind             varchar(60)  NOT NULL,
    locale           varchar(35)  NOT NULL,
    -- Channel names in order, e.g. EMAIL,SMS,LETTER; chain_pos is the current one.
    chain            varchar(60)  NOT NULL,
    chain_pos        smallint     NOT NULL DEFAULT 0,
    channel          varchar(8),
    state            varchar(16)  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    channel_attempts integer      NOT NULL DEFAULT 0,
    -- When an attempt's outcome was "unconfirmed", the next try reuses its idempotency key.
    reuse_key        integer,
    next_at          timestamptz  NOT NULL,
    lease_owner      varchar(80),
    lease_until      timestamptz,
    due_at           timestamptz,
    categories       varchar(32)[] NOT NULL DEFAULT '{}',
    provider_ref     varchar(300),
    content_sha256   varchar(64),
    first_sent_at    timestamptz,
    last_sent_at     timestamptz,
    finished_at      timestamptz,
    CONSTRAINT notice_state_ck CHECK (state IN ('QUEUED', 'RETRY_SCHEDULED', 'SENT', 'DELIVERED', 'UNREACHABLE', 'CANCELLED')),
    CONSTRAINT notice_role_ck CHECK (recipient_role IN ('SUBJECT', 'GUARDIAN', 'NEXT_OF_KIN')),
    CONSTRAINT notice_campaign_subject_uk UNIQUE (campaign_id, subject_id)
);
-- The dispatcher's claim: due notices still to send.
CREATE INDEX notice_due_ix ON notice (next_at) WHERE state IN ('QUEUED', 'RETRY_SCHEDULED');
CREATE INDEX notice_incident_ix ON notice (incident_id);

-- Which obligations a notice answers (a subject covered by several regimes gets one notice).
CREATE TABLE notice_obligation (
    notice_id     uuid         NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
    obligation_id uuid         NOT NULL,
    regime_id     varchar(100) NOT NULL,
    due_at        timestamptz,
    PRIMARY KEY (notice_id, obligation_id)
);

-- Every attempt, written before the send (outcome NULL = in flight) and completed after it.
CREATE TABLE notice_attempt (
    notice_id      uuid         NOT NULL REFERENCES notice (id) ON DELETE CASCADE,
    attempt_no     integer      NOT NULL,
    -- The attempt number in the idempotency key (<notice id>.<key_attempt>); equals attempt_no
    -- except when an unconfirmed send is repeated under its first key.
    key_attempt    integer      NOT NULL,
    channel        varchar(8)   NOT NULL,
    provider       varchar(40)  NOT NULL,
    worker         varchar(80)  NOT NULL,
    started_at     timestamptz  NOT NULL,
    finished_at    timestamptz,
    outcome        varchar(12),
    provider_ref   varchar(300),
    provider_code  varchar(60),
    reason         varchar(300),
    retry_at       timestamptz,
    content_sha256 varchar(64)  NOT NULL,
    -- Sends of this same attempt after a worker vanished mid-flight (same key, recognisable).
    replays        integer      NOT NULL DEFAULT 0,
    -- A provider's later word (bounce, status callback), which may downgrade ACCEPTED.
    feedback       varchar(12),
    feedback_code  varchar(60),
    feedback_at    timestamptz,
    PRIMARY KEY (notice_id, attempt_no),
    CONSTRAINT notice_attempt_outcome_ck CHECK (outcome IS NULL OR outcome IN ('DELIVERED', 'ACCEPTED', 'RETRYABLE', 'PERMANENT', 'OPTED_OUT')),
    CONSTRAINT notice_attempt_feedback_ck CHECK (feedback IS NULL OR feedback IN ('DELIVERED', 'ACCEPTED', 'RETRYABLE', 'PERMANENT', 'OPTED_OUT'))
);
CREATE INDEX notice_attempt_key_ix ON notice_attempt (notice_id, key_attempt);
