-- Forecasts of reception (issue 8): scenarios with their parameters, and Monte Carlo runs with progress.
CREATE TABLE forecast_scenario (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    description text,
    parameters text NOT NULL,
    start_on date NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    synthetic boolean NOT NULL DEFAULT false,
    version int NOT NULL DEFAULT 0
);

CREATE TABLE forecast_run (
    id bigserial PRIMARY KEY,
    scenario_id bigint NOT NULL REFERENCES forecast_scenario,
    -- The parameters as the run used them, so a result can be read beside the inputs even after the scenario changed.
    parameters text NOT NULL,
    start_on date NOT NULL,
    runs int NOT NULL CHECK (runs BETWEEN 1 AND 100000),
    seed bigint NOT NULL,
    status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
    done int NOT NULL DEFAULT 0,
    cancel_requested boolean NOT NULL DEFAULT false,
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    heartbeat_at timestamptz,
    failure text,
    result text
);
CREATE INDEX forecast_run_scenario ON forecast_run (scenario_id, id DESC);
