-- Housing quotas (Huisvestingswet 2014 art. 28-30). Municipalities and population versions are
-- referred to by code and id only: they belong to the municipalities module.

-- The national number of permit holders to house per half-year (vg). Every entry is kept: an
-- adjustment during the period is a new row with its effective date and reason.
CREATE TABLE national_total (
    id             BIGSERIAL    PRIMARY KEY,
    year           SMALLINT     NOT NULL,
    half           SMALLINT     NOT NULL CHECK (half IN (1, 2)),
    total          INT          NOT NULL CHECK (total >= 0),
    effective_date DATE         NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    synthetic      BOOLEAN      NOT NULL DEFAULT FALSE,
    entered_by     VARCHAR(80)  NOT NULL,
    entered_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX national_total_period_ix ON national_total (year, half, effective_date);

-- A computation of every municipality's quota for a half-year from one national total and one
-- population version. Kept for ever, so a letter can always be reproduced.
CREATE TABLE quota_calculation (
    id                        BIGSERIAL    PRIMARY KEY,
    year                      SMALLINT     NOT NULL,
    half                      SMALLINT     NOT NULL CHECK (half IN (1, 2)),
    national_total_id         BIGINT       NOT NULL REFERENCES national_total (id),
    national_total            INT          NOT NULL,
    population_version_id     BIGINT       NOT NULL,
    population_reference_date DATE         NOT NULL,
    population_total          BIGINT       NOT NULL CHECK (population_total > 0),
    -- TRUE when the user chose a version other than 1 January of the year before (art. 29(1)).
    version_chosen            BOOLEAN      NOT NULL,
    choice_reason             VARCHAR(500),
    effective_date            DATE         NOT NULL,
    calculated_by             VARCHAR(80)  NOT NULL,
    calculated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (NOT version_chosen OR choice_reason IS NOT NULL)
);
CREATE INDEX quota_calculation_period_ix ON quota_calculation (year, half, effective_date);

CREATE TABLE municipal_quota (
    calculation_id    BIGINT     NOT NULL REFERENCES quota_calculation (id),
    municipality_code VARCHAR(6) NOT NULL,
    population        BIGINT     NOT NULL CHECK (population >= 0),
    quota             INT        NOT NULL CHECK (quota >= 0),
    PRIMARY KEY (calculation_id, municipality_code)
);

-- Agreements to shift quota between municipalities (art. 29(2)); the changes sum to zero.
CREATE TABLE quota_transfer (
    id          BIGSERIAL    PRIMARY KEY,
    year        SMALLINT     NOT NULL,
    half        SMALLINT     NOT NULL CHECK (half IN (1, 2)),
    agreed_on   DATE         NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    synthetic   BOOLEAN      NOT NULL DEFAULT FALSE,
    recorded_by VARCHAR(80)  NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE quota_transfer_part (
    transfer_id       BIGINT     NOT NULL REFERENCES quota_transfer (id),
    municipality_code VARCHAR(6) NOT NULL,
    change            INT        NOT NULL CHECK (change <> 0),
    PRIMARY KEY (transfer_id, municipality_code)
);
CREATE INDEX quota_transfer_part_municipality_ix ON quota_transfer_part (municipality_code);

-- Mergers (art. 30): the quota history of the predecessors continues on the successor from the
-- first half-year of the merger, with the population figure the province set.
CREATE TABLE municipality_merger (
    id                BIGSERIAL    PRIMARY KEY,
    successor_code    VARCHAR(6)   NOT NULL UNIQUE,
    effective_year    SMALLINT     NOT NULL,
    effective_half    SMALLINT     NOT NULL CHECK (effective_half IN (1, 2)),
    population        BIGINT       NOT NULL CHECK (population > 0),
    decided_on        DATE         NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    recorded_by       VARCHAR(80)  NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE municipality_merger_part (
    merger_id        BIGINT     NOT NULL REFERENCES municipality_merger (id),
    predecessor_code VARCHAR(6) NOT NULL UNIQUE,
    PRIMARY KEY (merger_id, predecessor_code)
);

-- Dated indicators per municipality for other distribution keys (welfare correction, tax
-- revenue, GDP). Population comes from the municipalities module.
CREATE TABLE indicator_version (
    id             BIGSERIAL    PRIMARY KEY,
    indicator      VARCHAR(30)  NOT NULL CHECK (indicator IN ('welfare-factor', 'tax-revenue', 'gdp')),
    reference_date DATE         NOT NULL,
    label          VARCHAR(200) NOT NULL,
    synthetic      BOOLEAN      NOT NULL DEFAULT FALSE,
    imported_by    VARCHAR(80)  NOT NULL,
    imported_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE indicator_value (
    version_id        BIGINT         NOT NULL REFERENCES indicator_version (id),
    municipality_code VARCHAR(6)     NOT NULL,
    value             NUMERIC(24, 6) NOT NULL CHECK (value >= 0),
    PRIMARY KEY (version_id, municipality_code)
);

-- The figures the law knows (DOMAIN.md: 2022-I 10,000; 2022-II 13,500; 2023-I 21,200).
INSERT INTO national_total (year, half, total, effective_date, reason, synthetic, entered_by) VALUES
    (2022, 1, 10000, DATE '2021-09-30', 'Landelijke taakstelling 2022-I (gepubliceerd)', FALSE, 'system'),
    (2022, 2, 13500, DATE '2022-03-31', 'Landelijke taakstelling 2022-II (gepubliceerd)', FALSE, 'system'),
    (2023, 1, 21200, DATE '2022-09-30', 'Landelijke taakstelling 2023-I (gepubliceerd)', FALSE, 'system');
