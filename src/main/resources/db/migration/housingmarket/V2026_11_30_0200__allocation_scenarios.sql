-- Allocation-share scenarios (issue 9): the shares to compare for an area, with their parameters as JSON text.
CREATE TABLE allocation_scenario (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    description text,
    -- GM0344, PV26 or NL; the kind is kept apart so that lists can be narrowed to a reader's scope.
    area_kind text NOT NULL CHECK (area_kind IN ('MUNICIPALITY', 'PROVINCE', 'NATION')),
    area_code text NOT NULL,
    parameters text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    synthetic boolean NOT NULL DEFAULT false,
    version int NOT NULL DEFAULT 0
);
CREATE INDEX allocation_scenario_area ON allocation_scenario (area_kind, area_code);
