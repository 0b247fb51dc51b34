-- Voice: sandbox mode records each call (the TwiML that would have been read out) here.
CREATE TABLE sandbox_voice (
    id              uuid         PRIMARY KEY,
    idempotency_key varchar(64)  NOT NULL,
    correlation     varchar(200) NOT NULL,
    recipient       varchar(32)  NOT NULL,
    language        varchar(35)  NOT NULL,
    voice           varchar(64)  NOT NULL,
    spoken_text     text         NOT NULL,
    twiml           text         NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    CONSTRAINT sandbox_voice_key_uk UNIQUE (idempotency_key)
);
CREATE INDEX sandbox_voice_recorded_ix ON sandbox_voice (recorded_at DESC);

-- The first final status Twilio reported per call; a repeated callback finds the row and is no news.
CREATE TABLE twilio_call_status (
    call_sid        varchar(64) PRIMARY KEY,
    idempotency_key varchar(64) NOT NULL,
    status          varchar(32) NOT NULL,
    answered_by     varchar(32),
    error_code      varchar(16),
    updated_at      timestamptz NOT NULL
);
CREATE INDEX twilio_call_status_key_ix ON twilio_call_status (idempotency_key);
