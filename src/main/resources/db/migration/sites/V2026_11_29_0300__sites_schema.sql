-- Temporary sites where linked permit holders can stay until a home is found (issue 6), with the history
-- of their status. The contact person is personal data: it is kept here and shown to those who see the
-- site, never written to the audit trail or a log.

CREATE TABLE temporary_site (
    id                BIGSERIAL     PRIMARY KEY,
    kind              VARCHAR(20)   NOT NULL
                      CHECK (kind IN ('HOTEL', 'RECREATION_PARK', 'CHURCH_BUILDING', 'STATE_PROPERTY', 'STATE_LAND', 'OTHER')),
    name              VARCHAR(120)  NOT NULL,
    -- The municipality the site lies in (a code of the municipalities module, by value: no join).
    municipality_code VARCHAR(6)    NOT NULL,
    address           VARCHAR(200)  NOT NULL,
    -- WGS84 degrees; both or neither (then the map draws the site at the municipality's centre).
    latitude          NUMERIC(9, 6),
    longitude         NUMERIC(9, 6),
    owner             VARCHAR(30)   NOT NULL
                      CHECK (owner IN ('PRIVATE', 'MUNICIPALITY', 'CHURCH', 'STATE_REAL_ESTATE_AGENCY', 'OTHER')),
    capacity          INT           NOT NULL CHECK (capacity BETWEEN 1 AND 5000),
    available_from    DATE,
    available_until   DATE,
    -- Euros per person per night, when known.
    cost_per_night    NUMERIC(8, 2) CHECK (cost_per_night >= 0),
    status            VARCHAR(20)   NOT NULL
                      CHECK (status IN ('IDENTIFIED', 'CONTACTED', 'UNDER_NEGOTIATION', 'AGREED', 'IN_USE', 'CLOSED', 'DROPPED')),
    status_since      DATE          NOT NULL,
    contact_person    VARCHAR(120),
    notes             VARCHAR(2000),
    -- Name and address as the duplicate rule compares them (sites.DuplicateRule): letters and digits, lower case.
    name_key          VARCHAR(120)  NOT NULL,
    address_key       VARCHAR(200)  NOT NULL,
    version           INT           NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by        VARCHAR(80)   NOT NULL,
    changed_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    changed_by        VARCHAR(80)   NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (available_until IS NULL OR available_from IS NULL OR available_until >= available_from)
);
-- One site per name and per address in a municipality, also when two people add it in the same moment.
CREATE UNIQUE INDEX temporary_site_name_ux ON temporary_site (municipality_code, name_key) WHERE name_key <> '';
CREATE UNIQUE INDEX temporary_site_address_ux ON temporary_site (municipality_code, address_key) WHERE address_key <> '';
CREATE INDEX temporary_site_status_ix ON temporary_site (status);

-- Every status a site has had: who moved it, when, from which status (none when registered) and why.
CREATE TABLE temporary_site_status_change (
    id          BIGSERIAL    PRIMARY KEY,
    site_id     BIGINT       NOT NULL REFERENCES temporary_site (id),
    from_status VARCHAR(20),
    to_status   VARCHAR(20)  NOT NULL,
    occurred_on DATE         NOT NULL,
    reason      VARCHAR(500),
    changed_by  VARCHAR(80)  NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX temporary_site_status_change_site_ix ON temporary_site_status_change (site_id, id);
