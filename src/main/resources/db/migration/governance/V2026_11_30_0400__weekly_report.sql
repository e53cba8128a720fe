-- The weekly reports of the coordination table: every generated report is kept with its PDF and the
-- figures (JSON) it shows, so that any report can be downloaded again and its numbers checked.
CREATE TABLE weekly_report (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference_date date        NOT NULL,
    locale         varchar(8)  NOT NULL,
    kind           varchar(16) NOT NULL CHECK (kind IN ('ON_DEMAND', 'SCHEDULED')),
    generated_at   timestamptz NOT NULL DEFAULT now(),
    generated_by   varchar(100) NOT NULL,
    synthetic      boolean     NOT NULL DEFAULT false,
    figures        jsonb       NOT NULL,
    pdf            bytea       NOT NULL,
    pdf_millis     integer     NOT NULL
);

-- One scheduled report per reference date, however many nodes run the schedule.
CREATE UNIQUE INDEX weekly_report_scheduled_once ON weekly_report (reference_date) WHERE kind = 'SCHEDULED';

CREATE INDEX weekly_report_latest ON weekly_report (generated_at DESC, id DESC);
