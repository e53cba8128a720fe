-- Linking runs of the optimiser (issue 5): each run keeps its inputs (the households as the optimiser
-- saw them, each municipality's remaining capacity and what its scores used, the weights), its
-- progress and its outputs (a proposal per household with the score split, the best alternative and the
-- planner's decision), so that it can be recomputed and audited. Nothing here is ever deleted.

CREATE TABLE linking_run (
    id                  BIGSERIAL    PRIMARY KEY,
    -- The COA linking region of the run; null for the nation.
    region              VARCHAR(20),
    run_date            DATE         NOT NULL,
    status              VARCHAR(12)  NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'CANCELLED', 'FAILED')),
    cancel_requested    BOOLEAN      NOT NULL DEFAULT FALSE,
    seconds             INT          NOT NULL CHECK (seconds BETWEEN 1 AND 600),
    tolerance_percent   INT          NOT NULL CHECK (tolerance_percent BETWEEN -50 AND 50),
    household_limit     INT          CHECK (household_limit IS NULL OR household_limit > 0),
    -- A recomputation runs the optimiser again on the inputs kept with this earlier run.
    recomputed_from     BIGINT       REFERENCES linking_run (id),
    weight_base         INT          NOT NULL,
    weight_waiting      INT          NOT NULL,
    weight_dwelling     INT          NOT NULL,
    weight_ties         INT          NOT NULL,
    weight_school       INT          NOT NULL,
    weight_spreading    INT          NOT NULL,
    households          INT          NOT NULL,
    persons             INT          NOT NULL,
    pairs               INT          NOT NULL,
    objective           BIGINT,
    bound               BIGINT,
    elapsed_seconds     NUMERIC(8, 2),
    linked_households   INT,
    linked_persons      INT,
    failure             VARCHAR(300),
    started_by          VARCHAR(80)  NOT NULL,
    started_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- Written with every progress report; a running run without one for a minute was interrupted.
    heartbeat_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at         TIMESTAMPTZ
);
CREATE INDEX linking_run_started_ix ON linking_run (started_at DESC);

-- Each municipality the run could link to: its remaining capacity and how it was computed, and what
-- its dwelling-fit and spreading scores used.
CREATE TABLE linking_run_capacity (
    run_id              BIGINT       NOT NULL REFERENCES linking_run (id),
    municipality_code   VARCHAR(6)   NOT NULL,
    region              VARCHAR(20)  NOT NULL,
    corrected_quota     BIGINT       NOT NULL,
    housed              BIGINT       NOT NULL,
    linked              BIGINT       NOT NULL,
    tolerance           BIGINT       NOT NULL,
    capacity            BIGINT       NOT NULL CHECK (capacity >= 0),
    -- Homes offered in the last twelve months by rooms: index 0 unused, 1..5, and 6 for six or more.
    rooms_offered       INT[]        NOT NULL,
    large_persons       BIGINT       NOT NULL,
    PRIMARY KEY (run_id, municipality_code)
);

CREATE TABLE linking_run_household (
    run_id                  BIGINT       NOT NULL REFERENCES linking_run (id),
    household_id            BIGINT       NOT NULL,
    household_version       INT          NOT NULL,
    reference               VARCHAR(40)  NOT NULL,
    persons                 INT          NOT NULL,
    school_age_children     INT          NOT NULL,
    permit_date             DATE         NOT NULL,
    location_municipality   VARCHAR(6)   NOT NULL,
    region                  VARCHAR(20)  NOT NULL,
    -- The firm criteria as in the import: WORK:GM0344:12;RELATIVE:GM0363
    criteria                VARCHAR(400) NOT NULL DEFAULT '',
    position                INT          NOT NULL,
    -- The proposal: null while running, and when the household is left unlinked.
    municipality_code       VARCHAR(6),
    score_base              INT,
    score_waiting           INT,
    score_dwelling          INT,
    score_ties              INT,
    score_school            INT,
    score_spreading         INT,
    alternative_code        VARCHAR(6),
    alternative_score       INT,
    alternative_had_room    BOOLEAN,
    unlinked_reason         VARCHAR(20)  CHECK (unlinked_reason IN ('NO_ALLOWED', 'NO_CAPACITY', 'CAPACITY_TAKEN')),
    decision                VARCHAR(10)  NOT NULL DEFAULT 'OPEN'
                            CHECK (decision IN ('OPEN', 'ACCEPTED', 'CHANGED', 'REJECTED', 'FAILED')),
    decided_municipality    VARCHAR(6),
    decision_reason         VARCHAR(300),
    failure_key             VARCHAR(100),
    failure_arguments       VARCHAR(300),
    decided_by              VARCHAR(80),
    decided_at              TIMESTAMPTZ,
    PRIMARY KEY (run_id, household_id)
);
CREATE INDEX linking_run_household_position_ix ON linking_run_household (run_id, position);
