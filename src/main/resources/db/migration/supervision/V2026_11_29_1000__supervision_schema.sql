-- Supervision (IBT) of municipalities by their province: Gemeentewet art. 124-124h.

-- The assessment on a cut-off date as the province decided it; the proposal comes from the progress figures.
CREATE TABLE assessment (
    municipality_code text NOT NULL,
    year int NOT NULL,
    half int NOT NULL CHECK (half IN (1, 2)),
    proposed_colour text NOT NULL CHECK (proposed_colour IN ('GREEN', 'ORANGE', 'RED')),
    outcome text NOT NULL CHECK (outcome IN ('CONFIRMED', 'OVERRIDDEN', 'EXCUSABLE')),
    colour text NOT NULL CHECK (colour IN ('GREEN', 'ORANGE', 'RED')),
    reason text,
    corrected_quota bigint NOT NULL,
    housed bigint NOT NULL,
    decided_by text NOT NULL,
    decided_at timestamptz NOT NULL DEFAULT now(),
    version int NOT NULL DEFAULT 0,
    PRIMARY KEY (municipality_code, year, half),
    CHECK (outcome = 'CONFIRMED' OR reason IS NOT NULL)
);

-- A province's ladder; without a row the default ladder applies.
CREATE TABLE escalation_ladder (
    province_code text PRIMARY KEY,
    open_after_missed int CHECK (open_after_missed BETWEEN 1 AND 20),
    version int NOT NULL DEFAULT 0,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE escalation_ladder_step (
    province_code text NOT NULL REFERENCES escalation_ladder ON DELETE CASCADE,
    position int NOT NULL,
    step_key text NOT NULL,
    kind text NOT NULL,
    name text,
    term_days int CHECK (term_days BETWEEN 1 AND 3650),
    PRIMARY KEY (province_code, position),
    UNIQUE (province_code, step_key)
);

CREATE TABLE escalation_case (
    id bigserial PRIMARY KEY,
    municipality_code text NOT NULL,
    province_code text NOT NULL,
    opened_on date NOT NULL,
    reason text,
    opened_by text NOT NULL,
    -- Opened by the province's policy after this many missed half-years in a row (reason then null).
    opened_by_policy_after int,
    status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    closed_on date,
    closure text CHECK (closure IN ('COMPLIES', 'COMMITTED', 'WITHDRAWN')),
    closure_note text,
    -- Art. 124d: the commitment on which a case closed.
    commitment_text text,
    commitment_places int,
    commitment_due date,
    commitment_on date,
    commitment_by text,
    synthetic boolean NOT NULL DEFAULT false,
    version int NOT NULL DEFAULT 0,
    CHECK (reason IS NOT NULL OR opened_by_policy_after IS NOT NULL),
    CHECK ((status = 'OPEN') = (closed_on IS NULL)),
    CHECK (closure <> 'COMMITTED' OR (commitment_text IS NOT NULL AND commitment_on IS NOT NULL))
);
CREATE UNIQUE INDEX escalation_case_one_open ON escalation_case (municipality_code) WHERE status = 'OPEN';
CREATE INDEX escalation_case_province ON escalation_case (province_code, status);

-- Every step a case took, with a copy of the step as the ladder had it then.
CREATE TABLE escalation_case_step (
    case_id bigint NOT NULL REFERENCES escalation_case,
    seq int NOT NULL,
    step_key text NOT NULL,
    kind text NOT NULL,
    name text,
    term_days int,
    step_on date NOT NULL,
    due_on date,
    decision_maker text NOT NULL,
    notes text,
    justification text,
    urgent boolean NOT NULL DEFAULT false,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, seq)
);

-- The course of action agreed with the municipality ("handelingsperspectief").
CREATE TABLE escalation_case_action (
    id bigserial PRIMARY KEY,
    case_id bigint NOT NULL REFERENCES escalation_case,
    kind text NOT NULL CHECK (kind IN ('EXTRA_PLACES', 'REGIONAL_ARRANGEMENT', 'OTHER')),
    description text NOT NULL,
    places int CHECK (places > 0),
    due_on date,
    partners text,
    agreed_on date NOT NULL,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Art. 124(1): substitution is at the municipality's cost.
CREATE TABLE escalation_case_cost (
    id bigserial PRIMARY KEY,
    case_id bigint NOT NULL REFERENCES escalation_case,
    incurred_on date NOT NULL,
    description text NOT NULL,
    amount numeric(14, 2) NOT NULL CHECK (amount > 0),
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Art. 124a: the minister asks the province to act.
CREATE TABLE minister_request (
    id bigserial PRIMARY KEY,
    case_id bigint NOT NULL REFERENCES escalation_case,
    requested_on date NOT NULL,
    reference text NOT NULL,
    note text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE escalation_document (
    id bigserial PRIMARY KEY,
    case_id bigint NOT NULL REFERENCES escalation_case,
    step_seq int NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    body_text text NOT NULL,
    pdf bytea NOT NULL,
    deadline date,
    -- Art. 124(4): the intention and the decision are published and sent to the council.
    for_publication boolean NOT NULL,
    published_on date,
    sent_to_council_on date,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX escalation_document_case ON escalation_document (case_id);
