-- COA reception locations, their occupancy over time, emergency measures, the imports of COA's figures
-- and the norm for the central registration centre (issue 8). Figures only: no personal data.

CREATE TABLE reception_location (
    id                 BIGSERIAL    PRIMARY KEY,
    -- The code COA's figures name the location by (e.g. COA-TERAPEL): the key of an import.
    code               VARCHAR(40)  NOT NULL UNIQUE,
    name               VARCHAR(120) NOT NULL,
    -- The municipality the location lies in (a code of the municipalities module, by value: no join).
    municipality_code  VARCHAR(6)   NOT NULL,
    kind               VARCHAR(30)  NOT NULL
                       CHECK (kind IN ('CENTRAL_REGISTRATION', 'REGULAR', 'EMERGENCY', 'PRE_REGISTRATION')),
    regular_capacity   INT          NOT NULL CHECK (regular_capacity BETWEEN 0 AND 10000),
    emergency_capacity INT          NOT NULL CHECK (emergency_capacity BETWEEN 0 AND 10000),
    opened_on          DATE,
    closed_on          DATE,
    -- Made up by the demo scenario, never real COA data.
    synthetic          BOOLEAN      NOT NULL DEFAULT FALSE,
    version            INT          NOT NULL DEFAULT 0,
    created_by         VARCHAR(100) NOT NULL,
    changed_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    changed_by         VARCHAR(100) NOT NULL,
    CHECK (closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on)
);

CREATE INDEX reception_location_municipality ON reception_location (municipality_code);

-- Who imported COA's figures when, and how many rows (a re-imported day replaces the earlier figures).
CREATE TABLE occupancy_import (
    id          BIGSERIAL    PRIMARY KEY,
    imported_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    imported_by VARCHAR(100) NOT NULL,
    rows        INT          NOT NULL,
    replaced    INT          NOT NULL,
    first_date  DATE,
    last_date   DATE
);

-- Occupancy of a location on a day (COA reports daily or weekly); the total is the sum of the three.
CREATE TABLE reception_occupancy (
    location_id    BIGINT NOT NULL REFERENCES reception_location (id),
    measured_on    DATE   NOT NULL,
    in_procedure   INT    NOT NULL CHECK (in_procedure >= 0),
    permit_holders INT    NOT NULL CHECK (permit_holders >= 0),
    other          INT    NOT NULL CHECK (other >= 0),
    import_id      BIGINT REFERENCES occupancy_import (id),
    PRIMARY KEY (location_id, measured_on)
);

CREATE INDEX reception_occupancy_day ON reception_occupancy (measured_on);

-- An emergency measure at a location, recorded as such: a waiting room used as a dormitory, extra beds.
CREATE TABLE emergency_measure (
    id          BIGSERIAL    PRIMARY KEY,
    location_id BIGINT       NOT NULL REFERENCES reception_location (id),
    kind        VARCHAR(30)  NOT NULL
                CHECK (kind IN ('WAITING_ROOM_DORMITORY', 'EXTRA_BEDS', 'TENTS_OR_PAVILIONS', 'SPORTS_HALL', 'OTHER')),
    description VARCHAR(300) NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE,
    places      INT          NOT NULL CHECK (places BETWEEN 0 AND 10000),
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

-- The norm for the occupancy of the central registration centre (Ter Apel: 2,000), versioned: every change
-- is a new row, the last one counts, and the earlier ones stay readable.
CREATE TABLE reception_norm (
    version    INT          PRIMARY KEY,
    persons    INT          NOT NULL CHECK (persons BETWEEN 1 AND 100000),
    valid_from DATE         NOT NULL,
    set_by     VARCHAR(100) NOT NULL,
    set_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Policy aims to keep Ter Apel under 2,000 (LRT minutes 3 November 2023).
INSERT INTO reception_norm (version, persons, valid_from, set_by) VALUES (0, 2000, DATE '2022-01-01', 'system');
