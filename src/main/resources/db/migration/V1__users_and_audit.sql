-- Herald foundation: console/API users and the tamper-evident audit log.

CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    username      varchar(64)  NOT NULL,
    display_name  varchar(200) NOT NULL,
    password_hash varchar(100) NOT NULL,
    roles         varchar(200) NOT NULL,
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_username_uk UNIQUE (username),
    CONSTRAINT app_user_username_ck CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$')
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical JSON of the entry).
CREATE TABLE audit_entry (
    seq          bigint       PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL,
    actor        varchar(200) NOT NULL,
    entity_type  varchar(64)  NOT NULL,
    entity_id    varchar(64)  NOT NULL,
    action       varchar(64)  NOT NULL,
    summary      text         NOT NULL,
    prev_hash    varchar(64)  NOT NULL,
    hash         varchar(64)  NOT NULL,
    CONSTRAINT audit_entry_hash_uk UNIQUE (hash)
);
CREATE INDEX audit_entry_entity_ix ON audit_entry (entity_type, entity_id, seq);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
