-- Long governance work in the background (the rule: long work shows progress and can be cancelled): a weekly
-- report or a letter batch is queued here, run by one node, and its progress, heartbeat and cancel flag live in
-- the database so that every node shows and cancels it. The report or batch itself is stored only when the job
-- is done (all-or-nothing); result_id then names it. No personal data: the error is a message key and codes.
CREATE TABLE governance_job (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              varchar(16)  NOT NULL CHECK (kind IN ('WEEKLY_REPORT', 'LETTER_BATCH')),
    status            varchar(16)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    step_key          varchar(100),
    done              integer      NOT NULL DEFAULT 0,
    total             integer      NOT NULL CHECK (total > 0),
    requested_by      varchar(100) NOT NULL,
    requested_at      timestamptz  NOT NULL DEFAULT now(),
    started_at        timestamptz,
    heartbeat_at      timestamptz,
    finished_at       timestamptz,
    cancel_requested  boolean      NOT NULL DEFAULT false,
    result_id         bigint,
    error_key         varchar(100),
    error_detail      varchar(500)
);

CREATE INDEX governance_job_open ON governance_job (status) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX governance_job_latest ON governance_job (kind, requested_at DESC);
