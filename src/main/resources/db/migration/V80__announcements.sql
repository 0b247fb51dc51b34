-- Public announcements (substitute notice) of an incident: the proposal with its decision, the
-- published revisions the public pages show, what the announcement settles for the individual
-- notices, the media-notice checklist, and the "was I affected?" look-ups (docs/announcements.md).

CREATE TABLE announcement (
    id                uuid         PRIMARY KEY,
    incident_id       uuid         NOT NULL REFERENCES incident (id),
    -- The public address /notices/{slug}: derived from the incident reference, never from people.
    slug              varchar(40)  NOT NULL,
    status            varchar(12)  NOT NULL,
    -- The decision as proposed: the rules whose conditions held, each condition with its numbers (JSON).
    decision          text         NOT NULL,
    reason            text         NOT NULL,
    regimes           varchar(400) NOT NULL,
    -- Longest minimum posting time any of those rules sets, in days; null when none sets one.
    min_days          integer,
    min_days_basis    varchar(400),
    toll_free_required boolean     NOT NULL DEFAULT false,
    help_number       varchar(40),
    covered_count     bigint       NOT NULL DEFAULT 0,
    judgement_reason  text,
    auto_published    boolean      NOT NULL DEFAULT false,
    proposed_by       varchar(200) NOT NULL,
    proposed_at       timestamptz  NOT NULL,
    published_by      varchar(200),
    published_at      timestamptz,
    updated_at        timestamptz  NOT NULL,
    withdrawn_by      varchar(200),
    withdrawn_at      timestamptz,
    withdraw_reason   text,
    revision          integer      NOT NULL DEFAULT 0,
    version           bigint       NOT NULL DEFAULT 0,
    CONSTRAINT announcement_slug_uk UNIQUE (slug),
    CONSTRAINT announcement_status_ck CHECK (status IN ('PROPOSED', 'PUBLISHED', 'WITHDRAWN'))
);
-- At most one live (proposed or published) announcement per incident.
CREATE UNIQUE INDEX announcement_live_uk ON announcement (incident_id) WHERE status <> 'WITHDRAWN';
CREATE INDEX announcement_published_ix ON announcement (status, published_at);

-- Each publication or revision freezes what the public page shows, so the page never changes
-- behind the officer's back and the history can be shown.
CREATE TABLE announcement_revision (
    announcement_id uuid         NOT NULL REFERENCES announcement (id),
    revision        integer      NOT NULL,
    published_at    timestamptz  NOT NULL,
    published_by    varchar(200) NOT NULL,
    note            text,
    -- Public content per locale (JSON): the six elements, categories, dates, help. No personal data.
    content         text         NOT NULL,
    PRIMARY KEY (announcement_id, revision)
);

-- What a published announcement settles for the individual notices of a jurisdiction: only the
-- unreached (residual), or the whole class, with e-mail still owed where the rule says so. The
-- notice campaign reads this table.
CREATE TABLE announcement_settlement (
    announcement_id       uuid         NOT NULL REFERENCES announcement (id),
    incident_id           uuid         NOT NULL REFERENCES incident (id),
    regime_id             varchar(60)  NOT NULL,
    jurisdiction          varchar(12)  NOT NULL,
    covered_countries     varchar(400) NOT NULL,
    covered_regions       varchar(400) NOT NULL,
    whole_class           boolean      NOT NULL,
    email_where_available boolean      NOT NULL,
    covered_count         bigint       NOT NULL,
    settled_at            timestamptz  NOT NULL,
    PRIMARY KEY (announcement_id, regime_id, jurisdiction)
);
CREATE INDEX announcement_settlement_incident_ix ON announcement_settlement (incident_id);

-- Media notices the rules require, each marked done by an officer with its evidence.
CREATE TABLE announcement_media_task (
    id           uuid         PRIMARY KEY,
    incident_id  uuid         NOT NULL REFERENCES incident (id),
    task_key     varchar(200) NOT NULL,
    regime_id    varchar(60)  NOT NULL,
    jurisdiction varchar(12)  NOT NULL,
    description  text         NOT NULL,
    due_at       timestamptz,
    done_at      timestamptz,
    done_by      varchar(200),
    evidence     text,
    CONSTRAINT announcement_media_task_uk UNIQUE (incident_id, task_key)
);

-- One-time links sent by "was I affected?": only a hash of the token is kept.
CREATE TABLE announcement_lookup_token (
    id              uuid        PRIMARY KEY,
    announcement_id uuid        NOT NULL REFERENCES announcement (id),
    incident_id     uuid        NOT NULL REFERENCES incident (id),
    subject_id      uuid        NOT NULL,
    token_hash      bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    CONSTRAINT announcement_lookup_token_uk UNIQUE (token_hash)
);

-- Look-up attempts per bucket (client address, or the blind index of the contact), for rate limits
-- that hold across replicas. Old rows are swept.
CREATE TABLE announcement_lookup_attempt (
    bucket       varchar(100) NOT NULL,
    attempted_at timestamptz  NOT NULL
);
CREATE INDEX announcement_lookup_attempt_ix ON announcement_lookup_attempt (bucket, attempted_at);
