CREATE TABLE account (
    id            BIGSERIAL    PRIMARY KEY,
    username      VARCHAR(80)  NOT NULL UNIQUE,
    display_name  VARCHAR(120) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(40)  NOT NULL,
    scope_kind    VARCHAR(20)  NOT NULL CHECK (scope_kind IN ('NATION', 'PROVINCE', 'MUNICIPALITY', 'ORGANISATION')),
    scope_code    VARCHAR(20),
    organisation  VARCHAR(120),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version       INT          NOT NULL DEFAULT 0
);

-- The municipalities an organisation-scoped account (a housing corporation) serves.
CREATE TABLE account_municipality (
    account_id        BIGINT     NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    municipality_code VARCHAR(6) NOT NULL,
    PRIMARY KEY (account_id, municipality_code)
);

-- API tokens: only a SHA-256 hash is stored; the token itself is shown once when issued.
CREATE TABLE api_token (
    id           BIGSERIAL    PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES account (id),
    name         VARCHAR(120) NOT NULL,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    prefix       VARCHAR(12)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by   VARCHAR(80)  NOT NULL,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);

-- Failed logins, shared by all application nodes, for the login rate limit.
CREATE TABLE login_failure (
    id        BIGSERIAL   PRIMARY KEY,
    username  VARCHAR(80) NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_username_ix ON login_failure (username, failed_at);

-- The audit trail: append-only. The triggers refuse every UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE TABLE audit_event (
    id           BIGSERIAL    PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    actor        VARCHAR(80)  NOT NULL,
    action       VARCHAR(80)  NOT NULL,
    subject_type VARCHAR(60)  NOT NULL,
    subject_id   VARCHAR(120),
    detail       VARCHAR(2000)
);
CREATE INDEX audit_event_occurred_ix ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_actor_ix ON audit_event (actor, occurred_at DESC);
CREATE INDEX audit_event_action_ix ON audit_event (action, occurred_at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
