-- Letters: each rendered PDF, its barcode, and the daily print batches (merged PDF + CSV manifest).
CREATE TABLE letter_batch (
    id                 uuid        PRIMARY KEY,
    created_at         timestamptz NOT NULL,
    letters            integer     NOT NULL,
    pages              integer     NOT NULL,
    pdf                bytea       NOT NULL,
    manifest           text        NOT NULL,
    handed_to_print_at timestamptz,
    handed_to_print_by varchar(200)
);

CREATE TABLE letter (
    id              uuid         PRIMARY KEY,
    idempotency_key varchar(64)  NOT NULL,
    correlation     varchar(200) NOT NULL,
    barcode         varchar(32)  NOT NULL,
    addressee       text         NOT NULL,
    address_lines   text         NOT NULL,
    country         varchar(2)   NOT NULL,
    language        varchar(35)  NOT NULL,
    pages           integer      NOT NULL,
    pdf             bytea        NOT NULL,
    status          varchar(16)  NOT NULL,
    batch_id        uuid         REFERENCES letter_batch (id),
    created_at      timestamptz  NOT NULL,
    returned_at     timestamptz,
    CONSTRAINT letter_key_uk UNIQUE (idempotency_key),
    CONSTRAINT letter_barcode_uk UNIQUE (barcode),
    CONSTRAINT letter_status_ck CHECK (status IN ('SANDBOX', 'QUEUED', 'BATCHED', 'HANDED_TO_PRINT', 'RETURNED'))
);
CREATE INDEX letter_created_ix ON letter (created_at DESC);
CREATE INDEX letter_queued_ix ON letter (status) WHERE status = 'QUEUED';
CREATE INDEX letter_batch_ix ON letter (batch_id);
