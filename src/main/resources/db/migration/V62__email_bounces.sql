-- E-mail bounces (RFC 3464 delivery status notifications) seen, so that the same report read
-- twice (from the mailbox and the webhook, or after a poll that failed before flagging it) is
-- published once. No addresses: the Message-ID names the attempt.
CREATE TABLE email_bounce (
    message_id      varchar(255) NOT NULL,
    idempotency_key varchar(64)  NOT NULL,
    kind            varchar(16)  NOT NULL,
    status          varchar(32)  NOT NULL,
    received_at     timestamptz  NOT NULL,
    CONSTRAINT email_bounce_pk PRIMARY KEY (message_id, kind, status)
);
CREATE INDEX email_bounce_key_ix ON email_bounce (idempotency_key);
