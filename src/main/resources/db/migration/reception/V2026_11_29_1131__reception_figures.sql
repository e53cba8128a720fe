-- Figures municipalities report (issue 8, items 2 and 3): the places a municipality provides for municipal
-- reception, and the displaced Ukrainians in municipal reception. Each import is a new version, all or
-- nothing; a row has its own reference date, and the figure in force on a date is the one with the latest
-- reference date on or before it (the later import when two share that date). Counts only: no persons.

CREATE TABLE reception_figure_import (
    id          BIGSERIAL     PRIMARY KEY,
    kind        VARCHAR(20)   NOT NULL CHECK (kind IN ('MUNICIPAL_PLACES', 'UKRAINIANS')),
    label       VARCHAR(200)  NOT NULL,
    synthetic   BOOLEAN       NOT NULL DEFAULT FALSE,
    imported_by VARCHAR(100)  NOT NULL,
    imported_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE reception_figure (
    import_id         BIGINT      NOT NULL REFERENCES reception_figure_import (id),
    municipality_code VARCHAR(6)  NOT NULL,
    reference_date    DATE        NOT NULL,
    figure            INT         NOT NULL CHECK (figure >= 0),
    PRIMARY KEY (import_id, municipality_code, reference_date)
);

CREATE INDEX reception_figure_by_municipality ON reception_figure (municipality_code, reference_date);
