-- Channels: the SMS sandbox outbox, and the worst delivery status Twilio reported per message.

-- Sandbox mode records each SMS here instead of sending it (viewable in the console). One row per
-- attempt: a replay of the same idempotency key finds the first row.
CREATE TABLE sandbox_sms (
    id              uuid         PRIMARY KEY,
    idempotency_key varchar(64)  NOT NULL,
    correlation     varchar(200) NOT NULL,
    recipient       varchar(32)  NOT NULL,
    body            text         NOT NULL,
    body_length     integer      NOT NULL,
    encoding        varchar(8)   NOT NULL,
    segments        integer      NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    CONSTRAINT sandbox_sms_key_uk UNIQUE (idempotency_key),
    CONSTRAINT sandbox_sms_encoding_ck CHECK (encoding IN ('GSM_7', 'UCS_2'))
);
CREATE INDEX sandbox_sms_recorded_ix ON sandbox_sms (recorded_at DESC);

-- Twilio status callbacks may arrive out of order, repeatedly, and (for multi-segment messages)
-- with different statuses, on any replica. The row keeps the worst status seen; a callback only
-- replaces it with a higher status_rank (see TwilioMessageStatus).
CREATE TABLE twilio_message_status (
    message_sid     varchar(64) PRIMARY KEY,
    idempotency_key varchar(64) NOT NULL,
    status          varchar(32) NOT NULL,
    status_rank     smallint    NOT NULL,
    error_code      varchar(16),
    updated_at      timestamptz NOT NULL
);
CREATE INDEX twilio_message_status_key_ix ON twilio_message_status (idempotency_key);
