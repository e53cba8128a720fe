-- Realisation: permit holders housed per municipality per month, and the assessment thresholds.

-- One import of COA's monthly figures (or, later, a batch derived from housing events).
CREATE TABLE realisation_import (
    id          BIGSERIAL    PRIMARY KEY,
    source      VARCHAR(20)  NOT NULL CHECK (source IN ('COA_IMPORT', 'HOUSING_EVENTS', 'DEMO')),
    label       VARCHAR(200) NOT NULL,
    row_count   INT          NOT NULL,
    imported_by VARCHAR(80)  NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every figure ever delivered; a later import of the same municipality and month supersedes the
-- earlier one, so history is kept and the current number is the latest.
CREATE TABLE realisation_figure (
    import_id         BIGINT     NOT NULL REFERENCES realisation_import (id),
    municipality_code VARCHAR(6) NOT NULL,
    month             DATE       NOT NULL CHECK (extract(day FROM month) = 1),
    persons           INT        NOT NULL CHECK (persons >= 0),
    PRIMARY KEY (import_id, municipality_code, month)
);
CREATE INDEX realisation_figure_month_ix ON realisation_figure (municipality_code, month, import_id DESC);

-- The one current number per municipality and month, maintained with every import.
CREATE TABLE realisation_month (
    municipality_code VARCHAR(6) NOT NULL,
    month             DATE       NOT NULL,
    persons           INT        NOT NULL CHECK (persons >= 0),
    import_id         BIGINT     NOT NULL REFERENCES realisation_import (id),
    PRIMARY KEY (municipality_code, month)
);
CREATE INDEX realisation_month_month_ix ON realisation_month (month);

-- Per province: the share of the corrected quota that is green and that is orange on a cut-off date.
CREATE TABLE assessment_threshold (
    province_code  VARCHAR(4)   PRIMARY KEY,
    green_percent  NUMERIC(5,1) NOT NULL CHECK (green_percent > 0 AND green_percent <= 200),
    orange_percent NUMERIC(5,1) NOT NULL CHECK (orange_percent >= 0),
    changed_by     VARCHAR(80)  NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version        INT          NOT NULL DEFAULT 0,
    CHECK (orange_percent <= green_percent)
);

-- "Does not comply but excusable", recorded for a municipality on a cut-off date with a reason.
CREATE TABLE excused_shortfall (
    id                BIGSERIAL    PRIMARY KEY,
    municipality_code VARCHAR(6)   NOT NULL,
    year              SMALLINT     NOT NULL,
    half              SMALLINT     NOT NULL CHECK (half IN (1, 2)),
    reason            VARCHAR(500) NOT NULL,
    recorded_by       VARCHAR(80)  NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (municipality_code, year, half)
);
