-- Push: sandbox mode records each notification here instead of sending it (viewable in the
-- console). One row per attempt: a replay of the same idempotency key finds the first row.
CREATE TABLE sandbox_push (
    id              uuid         PRIMARY KEY,
    idempotency_key varchar(64)  NOT NULL,
    correlation     varchar(200) NOT NULL,
    platform        varchar(8)   NOT NULL,
    token           text         NOT NULL,
    title           text         NOT NULL,
    body            text         NOT NULL,
    link            text,
    payload_bytes   integer      NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    CONSTRAINT sandbox_push_key_uk UNIQUE (idempotency_key),
    CONSTRAINT sandbox_push_platform_ck CHECK (platform IN ('FCM', 'APNS', 'WEBPUSH'))
);
CREATE INDEX sandbox_push_recorded_ix ON sandbox_push (recorded_at DESC);
