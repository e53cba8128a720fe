-- The social-rental market as housing corporations report it (issue 9, item 1): corporations, and per
-- corporation, municipality and year the homes and yearly vacancies by size band (SMALL 1-2 persons, MEDIUM 3-4,
-- LARGE 5-6, EXTRA_LARGE 7+), the vacancies allocated to permit holders, and the regular waiting list.
-- Aggregate counts only: no persons. A row carries a version so that no edit silently overwrites another.

CREATE TABLE housing_corporation (
    id          BIGSERIAL     PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL UNIQUE,
    code        VARCHAR(20)   UNIQUE,
    synthetic   BOOLEAN       NOT NULL DEFAULT FALSE,
    version     INT           NOT NULL DEFAULT 1,
    changed_by  VARCHAR(100)  NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE market_figure_import (
    id              BIGSERIAL     PRIMARY KEY,
    corporation_id  BIGINT        NOT NULL REFERENCES housing_corporation (id),
    year            INT           NOT NULL,
    rows            INT           NOT NULL,
    replaced        INT           NOT NULL,
    synthetic       BOOLEAN       NOT NULL DEFAULT FALSE,
    imported_by     VARCHAR(100)  NOT NULL,
    imported_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE market_figure (
    corporation_id          BIGINT        NOT NULL REFERENCES housing_corporation (id),
    municipality_code       VARCHAR(6)    NOT NULL,
    year                    INT           NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    homes_small             INT           NOT NULL CHECK (homes_small >= 0),
    homes_medium            INT           NOT NULL CHECK (homes_medium >= 0),
    homes_large             INT           NOT NULL CHECK (homes_large >= 0),
    homes_extra_large       INT           NOT NULL CHECK (homes_extra_large >= 0),
    vacancies_small         INT           NOT NULL CHECK (vacancies_small >= 0),
    vacancies_medium        INT           NOT NULL CHECK (vacancies_medium >= 0),
    vacancies_large         INT           NOT NULL CHECK (vacancies_large >= 0),
    vacancies_extra_large   INT           NOT NULL CHECK (vacancies_extra_large >= 0),
    allocated_permit_holders INT          NOT NULL CHECK (allocated_permit_holders >= 0),
    active_seekers          INT           NOT NULL CHECK (active_seekers >= 0),
    median_wait_months      NUMERIC(6, 1) CHECK (median_wait_months >= 0),
    new_seekers_per_year    INT           CHECK (new_seekers_per_year >= 0),
    synthetic               BOOLEAN       NOT NULL DEFAULT FALSE,
    import_id               BIGINT        REFERENCES market_figure_import (id),
    version                 INT           NOT NULL DEFAULT 1,
    changed_by              VARCHAR(100)  NOT NULL,
    changed_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (corporation_id, municipality_code, year),
    CHECK (allocated_permit_holders <= vacancies_small + vacancies_medium + vacancies_large + vacancies_extra_large)
);

CREATE INDEX market_figure_by_year ON market_figure (year, municipality_code);
