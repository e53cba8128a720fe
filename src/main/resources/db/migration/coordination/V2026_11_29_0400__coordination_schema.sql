-- The coordination centre (issue 6): the call-list policy, contacts with what was promised, commitments
-- tracked to their end, follow-ups, and municipalities set aside from the call list.

-- The policy that orders the call list: one row, changed with the version read.
CREATE TABLE call_policy (
    id                      INT          PRIMARY KEY CHECK (id = 1),
    behind_percent          INT          NOT NULL,
    behind_points           INT          NOT NULL,
    weeks_behind            INT          NOT NULL,
    weeks_behind_points     INT          NOT NULL,
    shortfall_per_100       INT          NOT NULL,
    shortfall_maximum       INT          NOT NULL,
    quiet_weeks             INT          NOT NULL,
    quiet_points            INT          NOT NULL,
    not_kept_points         INT          NOT NULL,
    kept_points             INT          NOT NULL,
    rising_points           INT          NOT NULL,
    sites_points            INT          NOT NULL,
    open_commitment_points  INT          NOT NULL,
    weekly_target           INT          NOT NULL,
    version                 INT          NOT NULL DEFAULT 0,
    changed_by              VARCHAR(80)  NOT NULL,
    changed_at              TIMESTAMPTZ  NOT NULL DEFAULT now()
);
INSERT INTO call_policy VALUES (1, 30, 40, 8, 20, 2, 20, 6, 15, 10, 15, 10, 10, 5, 500, 0, 'system', now());

-- A call or meeting with a municipality, a province, a King's Commissioner or a housing corporation.
CREATE TABLE contact (
    id                  BIGSERIAL     PRIMARY KEY,
    party_kind          VARCHAR(20)   NOT NULL
                        CHECK (party_kind IN ('MUNICIPALITY', 'PROVINCE', 'KINGS_COMMISSIONER', 'HOUSING_CORPORATION')),
    municipality_code   VARCHAR(6),
    province_code       VARCHAR(4),
    party_name          VARCHAR(120),
    contact_kind        VARCHAR(10)   NOT NULL CHECK (contact_kind IN ('CALL', 'MEETING')),
    occurred_on         DATE          NOT NULL,
    coordinator         VARCHAR(80)   NOT NULL,
    -- Whom the coordinator spoke to: a function or name, as short as the work allows.
    counterpart         VARCHAR(200)  NOT NULL,
    outcome             VARCHAR(2000) NOT NULL,
    version             INT           NOT NULL DEFAULT 0,
    created_by          VARCHAR(80)   NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK ((party_kind = 'MUNICIPALITY') = (municipality_code IS NOT NULL)),
    CHECK (party_kind NOT IN ('PROVINCE', 'KINGS_COMMISSIONER') OR province_code IS NOT NULL),
    CHECK (party_kind <> 'HOUSING_CORPORATION' OR party_name IS NOT NULL)
);
CREATE INDEX contact_municipality_ix ON contact (municipality_code, occurred_on DESC);
CREATE INDEX contact_occurred_ix ON contact (occurred_on DESC, id DESC);

CREATE TABLE commitment (
    id                  BIGSERIAL    PRIMARY KEY,
    contact_id          BIGINT       NOT NULL REFERENCES contact (id),
    municipality_code   VARCHAR(6)   NOT NULL,
    places              INT          NOT NULL CHECK (places > 0),
    kind                VARCHAR(20)  NOT NULL CHECK (kind IN ('REGULAR_HOME', 'HAR_HOTEL', 'TEMPORARY_SITE', 'OTHER')),
    site_id             BIGINT,
    expected_on         DATE         NOT NULL,
    made_on             DATE         NOT NULL,
    status              VARCHAR(12)  NOT NULL DEFAULT 'OPEN'
                        CHECK (status IN ('OPEN', 'KEPT', 'PARTLY_KEPT', 'NOT_KEPT')),
    realised_places     INT          CHECK (realised_places IS NULL OR realised_places >= 0),
    realised_on         DATE,
    reason              VARCHAR(500),
    decided_by          VARCHAR(80),
    version             INT          NOT NULL DEFAULT 0,
    CHECK ((status IN ('KEPT', 'PARTLY_KEPT')) = (realised_places IS NOT NULL AND realised_on IS NOT NULL)),
    CHECK (status <> 'NOT_KEPT' OR reason IS NOT NULL)
);
CREATE INDEX commitment_municipality_ix ON commitment (municipality_code, made_on DESC);
CREATE INDEX commitment_realised_ix ON commitment (realised_on) WHERE realised_on IS NOT NULL;

CREATE TABLE follow_up (
    id                  BIGSERIAL    PRIMARY KEY,
    contact_id          BIGINT       NOT NULL REFERENCES contact (id),
    description         VARCHAR(500) NOT NULL,
    due_on              DATE         NOT NULL,
    assignee            VARCHAR(80)  NOT NULL,
    done_on             DATE,
    done_by             VARCHAR(80),
    version             INT          NOT NULL DEFAULT 0
);
CREATE INDEX follow_up_assignee_ix ON follow_up (assignee, due_on) WHERE done_on IS NULL;

-- A municipality set aside from the call list until a date, with the reason; every setting is kept.
CREATE TABLE call_set_aside (
    id                  BIGSERIAL    PRIMARY KEY,
    municipality_code   VARCHAR(6)   NOT NULL,
    until               DATE         NOT NULL,
    reason              VARCHAR(500) NOT NULL,
    set_by              VARCHAR(80)  NOT NULL,
    set_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ended_on            DATE
);
CREATE INDEX call_set_aside_municipality_ix ON call_set_aside (municipality_code, until DESC);
