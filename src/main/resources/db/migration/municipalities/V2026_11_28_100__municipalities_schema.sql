CREATE TABLE province (
    code VARCHAR(4)  PRIMARY KEY,
    name VARCHAR(80) NOT NULL UNIQUE
);

CREATE TABLE municipality (
    code          VARCHAR(6)    PRIMARY KEY,
    name          VARCHAR(120)  NOT NULL,
    province_code VARCHAR(4)    NOT NULL REFERENCES province (code),
    seat          VARCHAR(120),
    area_km2      NUMERIC(10,2) NOT NULL CHECK (area_km2 > 0)
);
CREATE INDEX municipality_province_ix ON municipality (province_code);

-- Each bordering pair once, smallest code first.
CREATE TABLE municipality_neighbour (
    code_a VARCHAR(6) NOT NULL REFERENCES municipality (code),
    code_b VARCHAR(6) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (code_a, code_b),
    CHECK (code_a < code_b)
);
CREATE INDEX municipality_neighbour_b_ix ON municipality_neighbour (code_b);

-- COA linking regions (reference data) and regions that users define.
CREATE TABLE region (
    id          BIGSERIAL    PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('COA_LINKING', 'CUSTOM')),
    code        VARCHAR(40)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(500),
    created_by  VARCHAR(80),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INT          NOT NULL DEFAULT 0
);

CREATE TABLE region_member (
    region_id         BIGINT     NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    municipality_code VARCHAR(6) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (region_id, municipality_code)
);

-- Dated versions of the population per municipality; an import adds a version, never changes one.
CREATE TABLE population_version (
    id             BIGSERIAL    PRIMARY KEY,
    reference_date DATE         NOT NULL,
    label          VARCHAR(200) NOT NULL,
    source         VARCHAR(200) NOT NULL,
    official       BOOLEAN      NOT NULL,
    imported_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    imported_by    VARCHAR(80)  NOT NULL
);

CREATE TABLE population_figure (
    version_id        BIGINT     NOT NULL REFERENCES population_version (id),
    municipality_code VARCHAR(6) NOT NULL REFERENCES municipality (code),
    population        BIGINT     NOT NULL CHECK (population >= 0),
    PRIMARY KEY (version_id, municipality_code)
);
