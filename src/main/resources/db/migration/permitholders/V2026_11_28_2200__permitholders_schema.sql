-- Permit-holder households in reception, their links to municipalities and the way to a home.
-- Personal data is minimal (DOMAIN.md, Data): a pseudonymous COA reference, composition and the
-- linking criteria. No names, no BSN, no V-number.

-- Reasons a link may be cancelled with: a managed list, so that cancellations can be counted by reason.
CREATE TABLE link_cancel_reason (
    code     VARCHAR(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    label_nl VARCHAR(200) NOT NULL,
    label_en VARCHAR(200) NOT NULL,
    active   BOOLEAN      NOT NULL DEFAULT TRUE,
    position INT          NOT NULL DEFAULT 0
);
INSERT INTO link_cancel_reason (code, label_nl, label_en, position) VALUES
    ('FIRM_CRITERION_LATER', 'Later gebleken bindend criterium elders', 'Firm criterion elsewhere found later', 10),
    ('HOUSEHOLD_CHANGED', 'Samenstelling huishouden gewijzigd', 'Household composition changed', 20),
    ('MEDICAL', 'Medische reden', 'Medical reason', 30),
    ('MUNICIPALITY_ERROR', 'Koppeling aan verkeerde gemeente', 'Linked to the wrong municipality', 40),
    ('REUNIFICATION', 'Gezinshereniging: samenvoegen met ander huishouden', 'Family reunification: joined another household', 50),
    ('PERMIT_WITHDRAWN', 'Verblijfsvergunning ingetrokken', 'Residence permit withdrawn', 60),
    ('LEFT_RECEPTION', 'Vertrokken uit de opvang met onbekende bestemming', 'Left reception, destination unknown', 70),
    ('OTHER', 'Andere reden (zie toelichting)', 'Other reason (see note)', 99);

CREATE TABLE household (
    id                    BIGSERIAL    PRIMARY KEY,
    reference             VARCHAR(40)  NOT NULL UNIQUE,
    location              VARCHAR(120) NOT NULL,
    location_municipality VARCHAR(6)   NOT NULL,
    -- The COA linking region of the reception location's municipality.
    region                VARCHAR(20)  NOT NULL,
    permit_date           DATE         NOT NULL,
    language              VARCHAR(40),
    education             VARCHAR(20)  NOT NULL,
    work_experience       VARCHAR(20)  NOT NULL,
    limitation            VARCHAR(20)  NOT NULL,
    persons               INT          NOT NULL CHECK (persons BETWEEN 1 AND 30),
    stage                 VARCHAR(20)  NOT NULL
                          CHECK (stage IN ('AWAITING_LINK', 'LINKED', 'OFFERED', 'HAR', 'HOUSED')),
    stage_since           DATE         NOT NULL,
    -- When the current stage is overdue (14-week norm; HAR: six months); null once housed.
    stage_due             DATE,
    -- The municipality of the active link (and, once housed, of the home).
    municipality_code     VARCHAR(6),
    linked_on             DATE,
    offered_on            DATE,
    offer_district        VARCHAR(80),
    offer_rooms           INT,
    har_since             DATE,
    har_place             VARCHAR(120),
    moved_on              DATE,
    -- The day the household counted toward the quota (HAR placement or move, whichever came first).
    counted_on            DATE,
    counted_persons       INT,
    version               INT          NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by            VARCHAR(80)  NOT NULL,
    CHECK ((stage = 'AWAITING_LINK') = (municipality_code IS NULL)),
    CHECK ((stage = 'HOUSED') = (stage_due IS NULL))
);
CREATE INDEX household_due_ix ON household (stage_due) WHERE stage_due IS NOT NULL;
CREATE INDEX household_municipality_ix ON household (municipality_code, stage);
CREATE INDEX household_permit_ix ON household (permit_date) WHERE counted_on IS NULL;
CREATE INDEX household_stage_ix ON household (stage, stage_since);

CREATE TABLE household_member (
    household_id BIGINT      NOT NULL REFERENCES household (id),
    position     SMALLINT    NOT NULL,
    age_band     VARCHAR(8)  NOT NULL,
    sex          VARCHAR(1)  NOT NULL CHECK (sex IN ('F', 'M', 'X')),
    role         VARCHAR(10) NOT NULL,
    PRIMARY KEY (household_id, position)
);

-- Firm linking criteria (DOMAIN.md, Linking): the household must go to that municipality (medical
-- treatment: to that municipality's region).
CREATE TABLE household_criterion (
    household_id      BIGINT      NOT NULL REFERENCES household (id),
    position          SMALLINT    NOT NULL,
    kind              VARCHAR(12) NOT NULL CHECK (kind IN ('RELATIVE', 'WORK', 'EDUCATION', 'MEDICAL')),
    municipality_code VARCHAR(6)  NOT NULL,
    hours_per_week    INT         CHECK (hours_per_week IS NULL OR hours_per_week >= 8),
    PRIMARY KEY (household_id, position)
);

CREATE TABLE household_link (
    id                BIGSERIAL    PRIMARY KEY,
    household_id      BIGINT       NOT NULL REFERENCES household (id),
    municipality_code VARCHAR(6)   NOT NULL,
    linked_on         DATE         NOT NULL,
    -- Why the link lies outside the household's linking region (a firm criterion); null inside it.
    outside_region    VARCHAR(200),
    linked_by         VARCHAR(80)  NOT NULL,
    status            VARCHAR(10)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CANCELLED')),
    cancelled_on      DATE,
    cancel_reason     VARCHAR(40)  REFERENCES link_cancel_reason (code),
    cancel_note       VARCHAR(500),
    cancelled_by      VARCHAR(80),
    CHECK ((status = 'CANCELLED') = (cancelled_on IS NOT NULL AND cancel_reason IS NOT NULL))
);
-- At most one active link per household, whatever happens concurrently.
CREATE UNIQUE INDEX household_link_active_ux ON household_link (household_id) WHERE status = 'ACTIVE';
CREATE INDEX household_link_household_ix ON household_link (household_id);

-- The timeline: every step of every household, never changed afterwards.
CREATE TABLE household_event (
    id                BIGSERIAL   PRIMARY KEY,
    household_id      BIGINT      NOT NULL REFERENCES household (id),
    kind              VARCHAR(20) NOT NULL
                      CHECK (kind IN ('REGISTERED', 'CHANGED', 'LINKED', 'LINK_CANCELLED', 'OFFERED', 'HAR_PLACED',
                                      'MOVED_IN')),
    occurred_on       DATE        NOT NULL,
    municipality_code VARCHAR(6),
    persons           INT         NOT NULL,
    detail            VARCHAR(300),
    recorded_by       VARCHAR(80) NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX household_event_household_ix ON household_event (household_id, id);
CREATE INDEX household_event_kind_ix ON household_event (kind, occurred_on);
