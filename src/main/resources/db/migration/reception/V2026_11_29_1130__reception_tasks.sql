-- The municipal reception task under the distribution act (Spreidingswet, in force 1 February 2024; issue 8,
-- item 2): the national total with its history, and every computation of the task per municipality with
-- what it was computed from, so that each published figure can be reproduced.

-- The national number of reception places to distribute; every entry kept, a change is a new entry.
CREATE TABLE reception_task_total (
    id             BIGSERIAL     PRIMARY KEY,
    total          INT           NOT NULL CHECK (total BETWEEN 0 AND 1000000),
    effective_date DATE          NOT NULL,
    reason         VARCHAR(500)  NOT NULL,
    synthetic      BOOLEAN       NOT NULL DEFAULT FALSE,
    entered_by     VARCHAR(100)  NOT NULL,
    entered_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- One computation: the total, the population version (municipalities module) and the welfare-factor version
-- (quota module's indicators) it used, by id (no join into those modules' tables), and the method.
CREATE TABLE reception_task_calculation (
    id                    BIGSERIAL     PRIMARY KEY,
    total_id              BIGINT        REFERENCES reception_task_total (id),
    total                 INT           NOT NULL CHECK (total >= 0),
    allocated             INT           NOT NULL CHECK (allocated >= 0),
    distribution_key      VARCHAR(40)   NOT NULL,
    method                VARCHAR(20)   NOT NULL
                          CHECK (method IN ('ROUND_UP', 'LARGEST_REMAINDER', 'SAINTE_LAGUE', 'DHONDT')),
    population_version_id BIGINT        NOT NULL,
    welfare_version_id    BIGINT        NOT NULL,
    effective_date        DATE          NOT NULL,
    synthetic             BOOLEAN       NOT NULL DEFAULT FALSE,
    computed_by           VARCHAR(100)  NOT NULL,
    computed_at           TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX reception_task_calculation_effective ON reception_task_calculation (effective_date, id);

-- The result per municipality, with the population and welfare factor it was computed from.
CREATE TABLE reception_task (
    calculation_id    BIGINT         NOT NULL REFERENCES reception_task_calculation (id),
    municipality_code VARCHAR(6)     NOT NULL,
    population        BIGINT         NOT NULL CHECK (population >= 0),
    welfare_factor    NUMERIC(24, 6) NOT NULL CHECK (welfare_factor >= 0),
    task              INT            NOT NULL CHECK (task >= 0),
    PRIMARY KEY (calculation_id, municipality_code)
);
