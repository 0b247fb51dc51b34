-- Data subjects, their contact points and holdings (docs/subjects.md).
-- Columns ending in _enc hold AES-256-GCM ciphertext "<key id>:<base64>"; columns ending in _index
-- hold a keyed HMAC-SHA256 blind index for exact look-ups. Neither is ever plaintext.

CREATE TABLE data_subject (
    id                   uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    source_system        varchar(100) NOT NULL,
    external_ref         varchar(200) NOT NULL,
    display_name_enc     text,
    locale               varchar(35),
    country              varchar(2)   NOT NULL,
    region               varchar(6),
    minor                boolean      NOT NULL DEFAULT false,
    birth_year           smallint,
    deceased             boolean      NOT NULL DEFAULT false,
    guardian_name_enc    text,
    next_of_kin_name_enc text,
    -- Comma-separated PreferredChannel names, most preferred first.
    channel_preference   varchar(60),
    -- Stored for completeness; breach notices are transactional and ignore it.
    marketing_opt_out    boolean      NOT NULL DEFAULT false,
    -- Keyed hash of the normalised import row: an identical re-import changes nothing.
    content_hash         bytea        NOT NULL,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    last_import_id       uuid,
    CONSTRAINT data_subject_ref_uk UNIQUE (source_system, external_ref),
    CONSTRAINT data_subject_country_ck CHECK (country ~ '^[A-Z]{2}$'),
    CONSTRAINT data_subject_region_ck CHECK (region IS NULL OR (region ~ '^[A-Z]{2}-[A-Z0-9]{1,3}$' AND left(region, 2) = country))
);

CREATE TABLE subject_contact (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id  uuid        NOT NULL REFERENCES data_subject (id) ON DELETE CASCADE,
    owner       varchar(12) NOT NULL,
    kind        varchar(8)  NOT NULL,
    value_enc   text        NOT NULL,
    value_index bytea       NOT NULL,
    -- libphonenumber's type for phones (MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP, ...) when known.
    line_type   varchar(24),
    position    smallint    NOT NULL,
    CONSTRAINT subject_contact_uk UNIQUE (subject_id, owner, kind, value_index),
    CONSTRAINT subject_contact_owner_ck CHECK (owner IN ('SUBJECT', 'GUARDIAN', 'NEXT_OF_KIN')),
    CONSTRAINT subject_contact_kind_ck CHECK (kind IN ('EMAIL', 'PHONE'))
);
CREATE INDEX subject_contact_index_ix ON subject_contact (value_index);

CREATE TABLE subject_push_registration (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id  uuid        NOT NULL REFERENCES data_subject (id) ON DELETE CASCADE,
    platform    varchar(8)  NOT NULL,
    -- Device token (FCM, APNS) or Web Push subscription JSON.
    token_enc   text        NOT NULL,
    token_index bytea       NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    CONSTRAINT subject_push_registration_uk UNIQUE (subject_id, platform, token_index),
    CONSTRAINT subject_push_registration_platform_ck CHECK (platform IN ('FCM', 'APNS', 'WEBPUSH'))
);

CREATE TABLE subject_postal_address (
    subject_id  uuid        NOT NULL REFERENCES data_subject (id) ON DELETE CASCADE,
    owner       varchar(12) NOT NULL,
    -- JSON {lines, city, region, postalCode}, encrypted as one value.
    address_enc text        NOT NULL,
    country     varchar(2)  NOT NULL,
    PRIMARY KEY (subject_id, owner),
    CONSTRAINT subject_postal_address_owner_ck CHECK (owner IN ('SUBJECT', 'GUARDIAN', 'NEXT_OF_KIN'))
);

CREATE TABLE subject_holding (
    subject_id  uuid         NOT NULL REFERENCES data_subject (id) ON DELETE CASCADE,
    system_name varchar(100) NOT NULL,
    category    varchar(32)  NOT NULL,
    since       date,
    until       date,
    updated_at  timestamptz  NOT NULL,
    PRIMARY KEY (subject_id, system_name, category),
    CONSTRAINT subject_holding_window_ck CHECK (since IS NULL OR until IS NULL OR until >= since)
);
-- Scope selection reads holdings by system and category.
CREATE INDEX subject_holding_scope_ix ON subject_holding (system_name, category) INCLUDE (subject_id, since, until);
